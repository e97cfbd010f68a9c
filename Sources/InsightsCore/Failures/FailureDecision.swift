import Foundation

/// A decision a person pinned about failure grouping; occurrences are named `session#line`, so decisions
/// survive reindex and do not depend on cluster ids.
///
/// `insights failure F-1a2b3c --merge F-4d5e6f` →
/// `FailureDecision(action: .merge, occurrences: ["2026-09-03-session-insights#83", "2026-09-29-session-insights#62"])`.
public struct FailureDecision: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable {
        /// The clusters holding `occurrences[0]` and `occurrences[1]` are one failure.
        case merge
        /// `occurrences[0]` stands alone: no automatic link to anything.
        case split
        /// The listed occurrences (a former cluster) are not the same failure: no automatic link among them.
        case notRecurring = "not-recurring"
    }

    public var action: Action
    public var occurrences: [String]
    /// When the decision was made (`YYYY-MM-DD`), for the record.
    public var date: String?

    public init(action: Action, occurrences: [String], date: String? = nil) {
        self.action = action; self.occurrences = occurrences; self.date = date
    }
}
