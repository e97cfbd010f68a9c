import InsightsCore
import InsightsStore

/// Recomputes what is derived from all sessions together (tasks, recurring failures) inside the same
/// transaction that stores the sessions, so readers never see one without the other.
enum Derived {
    static func recompute(journal: Journal) -> @Sendable (IndexTransaction) throws -> Void {
        { tx in
            let sessions = try tx.sessions()
            // Tasks and failures read the same sessions and nothing else: one core each (10,000 notes: the
            // tracker takes ~1.5 s, the clusterer ~2 s).
            let taskDecisions = try journal.taskDecisions().decisions
            let failureDecisions = try FailureDecisions(journal).load()
            let (tasks, clusters) = try Parallel.both(
                { TaskTracker(decisions: taskDecisions).tasks(from: sessions) },
                { FailureClusterer().clusters(sessions, decisions: failureDecisions) })
            try tx.replaceTasks(tasks)
            try tx.replaceFailures(clusters)
        }
    }
}
