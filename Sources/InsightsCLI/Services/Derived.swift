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
            var inputs = try tx.derivedInputs()
            // Tasks and failures read the same inputs and nothing else: one core each. Clustering takes less
            // than half as long as tracking, so the clusters are written, and let go, while the tasks are still
            // being tracked (holding both until both were done was 30 MB more at 50,000 notes). Each side is
            // handed its inputs (`Handoff`) and owns them: the tracker drops each title's stemmed words as it
            // reads them, and the failure candidates go once clustered.
            let candidates = Handoff(DerivedInput.candidates(taking: &inputs))
            let taskInputs = Handoff(DerivedInput.tasks(taking: &inputs))
            let tasks = Background { [taskDecisions] in TaskTracker(decisions: taskDecisions).track(taskInputs.take() ?? []) }
            do {
                let clusters = FailureClusterer().clusters(ordered: candidates.take() ?? [], decisions: failureDecisions)
                try tx.replaceFailures(clusters)
            } catch {
                _ = try? tasks.value()
                throw error
            }
            let drafts = try tasks.value()
            // Made and written a run at a time (all 131,000 tasks of 50,000 notes at once were 100 MB).
            try tx.replaceTasks { write in try drafts.eachRun(of: 2048, write) }
        }
    }
}
