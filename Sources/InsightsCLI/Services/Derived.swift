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
            var (taskInputs, candidates) = DerivedInput.split(try tx.derivedInputs())
            // Tasks and failures read the same inputs and nothing else: one core each. Clustering takes less
            // than half as long as tracking, so the clusters are written, and let go, while the tasks are still
            // being tracked (holding both until both were done was 30 MB more at 50,000 notes). The tracker
            // owns its inputs (it drops each title's stemmed words once it has read them), and the failure
            // candidates go once clustered.
            let handoff = Handoff(taskInputs)
            taskInputs = []
            let tasks = Background { [taskDecisions] in TaskTracker(decisions: taskDecisions).tasks(from: handoff.take() ?? []) }
            do {
                let clusters = FailureClusterer().clusters(ordered: candidates, decisions: failureDecisions)
                candidates = []
                try tx.replaceFailures(clusters)
            } catch {
                _ = try? tasks.value()
                throw error
            }
            try tx.replaceTasks(try tasks.value())
        }
    }
}
