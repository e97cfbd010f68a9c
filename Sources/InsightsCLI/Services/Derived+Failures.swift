import InsightsCore
import InsightsStore

extension Derived {
    /// Rebuilds the recurring-failure clusters from every session (see the failures issue).
    static func recomputeFailures(_ tx: IndexTransaction, sessions: [Session], journal: Journal) throws {
        let decisions = try FailureDecisions(journal).load()
        try tx.replaceFailures(FailureClusterer().clusters(sessions, decisions: decisions))
    }
}
