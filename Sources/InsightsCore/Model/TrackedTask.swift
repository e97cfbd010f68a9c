/// A piece of remaining work tracked across sessions: every mention, and the evidence that closed it.
///
/// "Add security headers" (Sep 3) → "Add CSP / HSTS security headers to the dashboard" (Sep 10) →
/// `- [x] Add security headers to the dashboard` (Oct 1) is one `TrackedTask` with three mentions, done.
public struct TrackedTask: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable { case open, done, blocked }

    /// Stable id (`T-` + 6 hex digits), unchanged by re-ingest or reindex.
    public var id: String
    /// The clearest title (from the latest open mention).
    public var title: String
    /// The latest mention's priority as written (`P1`, `High`, `🔴`), nil when none.
    public var priority: String?
    /// 0 (P0) ... 3 (P3), for sorting.
    public var priorityRank: Int?
    public var status: Status
    public var mentions: [TaskMention]
    public var firstSeen: String
    public var lastSeen: String
    /// The session whose note showed it done, when done.
    public var resolvedIn: String?
    public var resolvedOn: String?
    /// What showed it done: the completed row, `[x]` item or update text.
    public var evidence: TaskMention?
    /// Ids of tasks this one depends on.
    public var dependsOn: [String]
    /// True when it was mentioned as open again after being done.
    public var isReopened: Bool
    public var tags: [String]

    public init(id: String, title: String, priority: String? = nil, priorityRank: Int? = nil, status: Status = .open,
                mentions: [TaskMention] = [], firstSeen: String = "", lastSeen: String = "", resolvedIn: String? = nil,
                resolvedOn: String? = nil, evidence: TaskMention? = nil, dependsOn: [String] = [],
                isReopened: Bool = false, tags: [String] = []) {
        self.id = id; self.title = title; self.priority = priority; self.priorityRank = priorityRank
        self.status = status; self.mentions = mentions; self.firstSeen = firstSeen; self.lastSeen = lastSeen
        self.resolvedIn = resolvedIn; self.resolvedOn = resolvedOn; self.evidence = evidence
        self.dependsOn = dependsOn; self.isReopened = isReopened; self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case id, title, priority, priorityRank = "priority_rank", status, mentions, firstSeen = "first_seen",
             lastSeen = "last_seen", resolvedIn = "resolved_in", resolvedOn = "resolved_on", evidence,
             dependsOn = "depends_on", isReopened = "reopened", tags
    }

    /// Every key is always present (`"resolved_in": null` while open), so `--json` has one fixed shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(title, forKey: .title)
        try c.encode(priority, forKey: .priority); try c.encode(priorityRank, forKey: .priorityRank)
        try c.encode(status, forKey: .status); try c.encode(mentions, forKey: .mentions)
        try c.encode(firstSeen, forKey: .firstSeen); try c.encode(lastSeen, forKey: .lastSeen)
        try c.encode(resolvedIn, forKey: .resolvedIn); try c.encode(resolvedOn, forKey: .resolvedOn)
        try c.encode(evidence, forKey: .evidence); try c.encode(dependsOn, forKey: .dependsOn)
        try c.encode(isReopened, forKey: .isReopened); try c.encode(tags, forKey: .tags)
    }
}

/// One place a task was mentioned: open (remaining work) or done (completed row, `[x]`, update).
public struct TaskMention: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case open, done }

    public var session: String
    public var date: String
    public var line: Int
    public var text: String
    public var kind: Kind
    public var priority: String?
    /// The priority's rank (0 = P0 ... 3), nil when none.
    public var priorityRank: Int?

    public init(session: String, date: String, line: Int, text: String, kind: Kind, priority: String? = nil,
                priorityRank: Int? = nil) {
        self.session = session; self.date = date; self.line = line; self.text = text; self.kind = kind; self.priority = priority
        self.priorityRank = priorityRank
    }

    enum CodingKeys: String, CodingKey {
        case session, date, line, text, kind, priority, priorityRank = "priority_rank"
    }
}
