import InsightsCore
import InsightsStore

extension Derived {
    /// Rebuilds the task table from every session's remaining and completed work (see the tasks issue),
    /// applying the decisions pinned in the journal's `task-decisions.json`.
    static func recomputeTasks(_ tx: IndexTransaction, journal: Journal) throws {
        let decisions = try journal.taskDecisions().decisions
        try tx.replaceTasks(TaskTracker(decisions: decisions).tasks(from: try tx.derivedInputs().map(\.tasks)))
    }
}
