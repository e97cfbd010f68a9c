import InsightsCore

/// A search: the parsed query text plus the filters `insights search` offers.
///
/// `try SearchQuery("migrat* NOT gamification", kinds: [.finding], since: "2025-12-01")` → findings from
/// December 2025 on that mention a word starting with "migrat" and never "gamification".
public struct SearchQuery: Sendable {
    /// The text as typed.
    public var text: String
    public var parsed: ParsedQuery
    /// Only these kinds of item (empty: every kind).
    public var kinds: [ItemKind]
    /// Only items of this session.
    public var sessionID: String?
    /// Only items of sessions dated on or after this day (`YYYY-MM-DD`).
    public var since: String?
    /// Only items of sessions dated on or before this day (`YYYY-MM-DD`).
    public var until: String?
    /// Only items with this priority.
    public var priority: PriorityFilter?
    /// Only items whose status (lowercased) is one of these words (empty: any status).
    public var statuses: [String]
    /// Only items of sessions carrying every one of these tags.
    public var tags: [String]
    /// At most this many results.
    public var limit: Int
    /// At most this many results per session while results of other sessions wait for room
    /// (nil: no cap; the cap is off anyway when `sessionID` is set).
    public var perSession: Int?

    /// Parses `text`; throws `QueryError` when there is nothing to search for.
    public init(_ text: String, kinds: [ItemKind] = [], sessionID: String? = nil, since: String? = nil,
                until: String? = nil, priority: PriorityFilter? = nil, statuses: [String] = [], tags: [String] = [],
                limit: Int = 20, perSession: Int? = 3) throws(QueryError) {
        self.text = text
        self.parsed = try QueryParser.parse(text)
        self.kinds = kinds; self.sessionID = sessionID; self.since = since; self.until = until
        self.priority = priority; self.statuses = statuses; self.tags = tags
        self.limit = limit; self.perSession = perSession
    }
}

/// A priority to filter by: its rank, and the words that mean it for items stored without a rank
/// (findings keep their severity as written, e.g. `P0 BLOCKER`).
///
/// `PriorityFilter(rank: 0, words: ["p0", "critical", "blocker"])` matches a task ranked 0 and a finding "P0 BLOCKER".
public struct PriorityFilter: Sendable, Hashable {
    public var rank: Int
    public var words: [String]

    public init(rank: Int, words: [String]) {
        self.rank = rank
        self.words = words
    }
}

/// What a search found: one page of results, how many matched in all, what was folded, and suggestions.
public struct SearchResults: Sendable {
    /// The page, best first.
    public var hits: [SearchHit]
    /// Every item matching the query and filters.
    public var total: Int
    /// When the query matched more than `Index.rankingWindow` items, only the newest that many were ranked.
    public var rankedNewest: Int? = nil
    /// Results ranked above the last shown one but left out so one session does not fill the page.
    public var folded: [FoldedSession]
    /// When nothing matched: indexed words close to the query's words that are not in the index.
    public var suggestions: [String]
    /// The query as understood (`archon -vest`).
    public var understood: String
}

/// A session some of whose results were folded away, and how many.
public struct FoldedSession: Sendable, Hashable, Codable {
    public var session: String
    public var count: Int
}

/// One search result: an item, where it came from, why it matched.
public struct SearchHit: Sendable, Hashable {
    public var kind: ItemKind
    public var title: String
    /// The title with the matched words marked.
    public var titleMarks: MarkedText
    /// A few words of the body around the best match, matches marked (the start of the body when only the title matched).
    public var snippet: MarkedText
    public var sessionID: String
    public var sessionTitle: String
    /// The session's date, `YYYY-MM-DD`.
    public var date: String
    /// The note's file, relative to the journal folder.
    public var file: String
    /// 1-based line of the item in the note.
    public var line: Int
    /// Relevance, higher is better (bm25 negated).
    public var score: Double
    public var priority: String?
    public var priorityRank: Int?
    public var status: String?
    public var category: String?
    public var tags: [String]
}
