import InsightsCore
import InsightsStore

/// Recomputes what is derived from all sessions together (tasks, recurring failures) inside the same
/// transaction that stores the sessions, so readers never see one without the other.
enum Derived {
    static func recompute(journal: Journal) -> @Sendable (IndexTransaction) throws -> Void {
        { tx in
            let sessions = try tx.sessions()
            try recomputeTasks(tx, sessions: sessions, journal: journal)
            try recomputeFailures(tx, sessions: sessions, journal: journal)
        }
    }
}
