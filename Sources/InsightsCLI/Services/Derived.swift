import InsightsCore
import InsightsStore

/// Recomputes what is derived from all sessions together (tasks, recurring failures) inside the same
/// transaction that stores the sessions, so readers never see one without the other.
enum Derived {
    static func recompute(journal: Journal) -> @Sendable (IndexTransaction) throws -> Void {
        { tx in
            let taskDecisions = try journal.taskDecisions().decisions
            let failureDecisions = try FailureDecisions(journal).load()
            // Each session's work items and failure candidates, kept compact beside it: decoding every
            // session's JSON instead was 1.2 s of a one-note ingest into 10,000 notes.
            let (taskInputs, candidates) = DerivedInput.split(try tx.derivedInputs())
            // Tasks and failures read the same inputs and nothing else: one core each. Clustering takes less
            // than half as long as tracking, so the clusters are written, and let go, while the tasks are still
            // being tracked (holding both until both were done was 30 MB more at 50,000 notes).
            let tasks = Background { [taskDecisions] in TaskTracker(decisions: taskDecisions).tasks(from: taskInputs) }
            do {
                try tx.replaceFailures(FailureClusterer().clusters(ordered: candidates, decisions: failureDecisions))
            } catch {
                _ = try? tasks.value()
                throw error
            }
            try tx.replaceTasks(try tasks.value())
        }
    }
}
