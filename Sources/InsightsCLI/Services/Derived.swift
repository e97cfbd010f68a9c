import InsightsCore
import InsightsStore

/// Recomputes what is derived from all sessions together (tasks, recurring failures) inside the same
/// transaction that stores the sessions, so readers never see one without the other.
enum Derived {
    static func recompute(journal: Journal) -> @Sendable (IndexTransaction) throws -> Void {
        { tx in
            FreedMemory.release()  // what parsing the notes freed on every core
            let taskDecisions = try journal.taskDecisions().decisions
            let failureDecisions = try FailureDecisions(journal).load()
            // Each session's work items and failure candidates, kept compact beside it (decoding every session's
            // JSON instead was 1.2 s of a one-note ingest into 10,000 notes), read a few thousand at a time in
            // the tracker's order: each title's words go into the tracker's shape store as they are read
            // (`TaskIntake`), and the candidates are kept in the order the clusterer reads them.
            var intake = TaskIntake()
            var gathered = CandidateList()
            try tx.forEachDerivedInputRun(inDateOrder: true) { run in
                for i in run.indices {
                    gathered.take(from: &run[i])
                    intake.add(run[i].tasks.taken())
                }
            }
            var candidates = gathered.takeOrdered()
            FreedMemory.release()  // the runs decoded on every core
            // Tasks and failures read the same inputs and nothing else: one core each. Clustering takes less
            // than half as long as tracking, so the clusters are written, and let go, while the tasks are still
            // being tracked (holding both until both were done was 30 MB more at 50,000 notes), a run at a time
            // as they are made. Each side is handed its inputs (`Handoff`) and owns them; the candidates go once
            // clustered.
            let taskInputs = Handoff(intake)
            intake = TaskIntake()
            let failureInputs = Handoff(candidates)
            candidates = []
            let tasks = Background { [taskDecisions] in TaskTracker(decisions: taskDecisions).track(taskInputs.take() ?? TaskIntake()) }
            do {
                try tx.replaceFailures { write in
                    try FailureClusterer().eachClusterRun(ordered: failureInputs.take() ?? [], decisions: failureDecisions, of: 2048, write)
                }
                // The search index's rebuild after a bulk write (SQLite, on this thread) while tracking goes on.
                try tx.finishSearchIndex()
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
