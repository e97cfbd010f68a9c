import InsightsCore
import InsightsStore

/// Recomputes what is derived from all sessions together (tasks, recurring failures) inside the same
/// transaction that stores the sessions, so readers never see one without the other.
enum Derived {
    static func recompute(journal: Journal) -> @Sendable (IndexTransaction) throws -> Void {
        { tx in
            let taskDecisions = try journal.taskDecisions().decisions
            let failureDecisions = try FailureDecisions(journal).load()
            let (tasks, clusters) = try {
                // Each session's work items and failure candidates, kept compact beside it: decoding every
                // session's JSON instead was 1.2 s of a one-note ingest into 10,000 notes. Released before the
                // results are written.
                let inputs = try tx.derivedInputs()
                // Tasks and failures read the same inputs and nothing else: one core each.
                return try Parallel.both(
                    { TaskTracker(decisions: taskDecisions).tasks(from: inputs.map(\.tasks)) },
                    { FailureClusterer().clusters(inputs, decisions: failureDecisions) })
            }()
            try tx.replaceTasks(tasks)
            try tx.replaceFailures(clusters)
        }
    }
}
