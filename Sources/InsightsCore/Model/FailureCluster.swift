/// The same mistake or blocker written in different words in different sessions, grouped.
///
/// "migrations applied by hand so tracking drifted" (Sep 3) + "schema drift again: ALTER TABLE run by hand"
/// (Sep 10) → one `FailureCluster` with two occurrences across two sessions.
public struct FailureCluster: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// Seen in two or more sessions, no fix recorded yet, or still recurring.
        case recurring
        /// A fix was written in an occurrence and it happened again in a later session.
        case recurredAfterFix = "recurred-after-fix"
        /// A fix was recorded and nothing recurred since.
        case fixed
        /// Seen in one session only.
        case single
    }

    /// Stable id (`F-` + 6 hex digits).
    public var id: String
    /// The clearest occurrence's title.
    public var title: String
    /// Number of distinct sessions it occurs in.
    public var sessions: Int
    public var firstSeen: String
    public var lastSeen: String
    public var status: Status
    /// Fixes and corrections written in the occurrences, newest first.
    public var fixes: [FailureFix]
    public var occurrences: [FailureOccurrence]
    /// Content words the occurrences share (for `--explain` and the site).
    public var terms: [String]

    public init(id: String, title: String, sessions: Int, firstSeen: String, lastSeen: String, status: Status,
                fixes: [FailureFix] = [], occurrences: [FailureOccurrence] = [], terms: [String] = []) {
        self.id = id; self.title = title; self.sessions = sessions; self.firstSeen = firstSeen
        self.lastSeen = lastSeen; self.status = status; self.fixes = fixes; self.occurrences = occurrences
        self.terms = terms
    }

    enum CodingKeys: String, CodingKey {
        case id, title, sessions, firstSeen = "first_seen", lastSeen = "last_seen", status, fixes, occurrences, terms
    }
}

/// One occurrence of a failure: a finding or friction row (or another candidate) in one session.
public struct FailureOccurrence: Sendable, Hashable, Codable {
    public var session: String
    public var date: String
    /// `finding` or `friction` (or another candidate kind).
    public var kind: String
    public var title: String
    public var text: String
    public var line: Int

    public init(session: String, date: String, kind: String, title: String, text: String, line: Int) {
        self.session = session; self.date = date; self.kind = kind; self.title = title; self.text = text; self.line = line
    }
}

/// A fix or correction written for a failure (Fix Required, Correct Response, a Fix column).
public struct FailureFix: Sendable, Hashable, Codable {
    public var session: String
    public var date: String
    public var line: Int
    public var text: String

    public init(session: String, date: String, line: Int, text: String) {
        self.session = session; self.date = date; self.line = line; self.text = text
    }
}
