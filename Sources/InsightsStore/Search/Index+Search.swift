import Foundation
import GRDB
import InsightsCore

extension Index {
    /// bm25 weights for `item_fts(title, body)`. A title is the one line its author chose to say what the
    /// item is about, so a word there weighs 8 times the same word in the body. The factor is high because
    /// FTS5's bm25 normalises by the length of the whole row (title + body): with 4:1, a three-word body that
    /// merely names "Orchestrator" outranked the finding titled "Orchestrator Executed Instead of Delegating",
    /// whose long body diluted it; at 8:1 the titled finding leads, and long bodies still rank by what they say.
    static let bm25Weights = (title: 8.0, body: 1.0)

    /// The most matches a search ranks. bm25 must score every match (FTS5 has no top-k shortcut): about 2 µs
    /// each, so a word in 40,000 items costs ~100 ms. Past this many matches only the newest are ranked (found
    /// through FTS5's rowid order, which is ingest order). At 10,000 generated notes ranking 2,000 took 4–6 ms
    /// of a 9 ms p95 search, 1,000 takes 2 ms. The output says when this happened, so a user can narrow with
    /// --since, --kind or more words.
    public static let rankingWindow = 1_000

    /// How much of the index file a search maps (all of it, up to 1 GiB).
    static let searchMapSize = 1 << 30

    /// Match markers FTS5 puts around matched tokens; private-use characters never found in notes.
    static let markOpen: Character = "\u{E000}"
    static let markClose: Character = "\u{E001}"

    /// Runs a search: best matches first (bm25, title weighted over body, ties by newer date), at most
    /// `query.perSession` per session while other sessions' results wait for room, with snippets; when nothing
    /// matches, suggests indexed words close to the query's words.
    public func search(_ query: SearchQuery) throws -> SearchResults {
        let pattern = try Self.validatedPattern(for: query.parsed)
        let filter = SearchFilter(query)
        let limit = max(1, query.limit)
        let cap = query.sessionID == nil ? query.perSession : nil
        // Enough ranked candidates to fill the page from several sessions; details only for the page.
        let window = cap == nil ? limit : max(limit * 10, 200)
        return try writer.read { db in
            // Through a memory map: at 10,000 notes (a 97 MB index) a search spent most of its time in the
            // kernel copying pages.
            try db.cachedStatement(sql: "PRAGMA mmap_size = \(Self.searchMapSize)").execute()
            // Pooled connections live on (the MCP server keeps its index open): other reads must not map.
            defer { try? db.cachedStatement(sql: "PRAGMA mmap_size = 0").execute() }
            // The rowid of the Nth newest match, when there are more than N: rank only matches from there on.
            let floor = try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT rowid FROM item_fts WHERE item_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?
                """), arguments: [pattern, Self.rankingWindow - 1])
            // Bound, not a subquery: SQLite copies a subquery's value into the function's argument for every row.
            let lengths = hasRankLengths ? try Data.fetchOne(db.cachedStatement(sql: RankLengths.currentSQL)) : nil
            // Past the window the total is needed anyway: counted first, it is also the IDF's document count
            // of a one-phrase query, which the rank function would otherwise count again.
            let countAll = "SELECT count(*) FROM item_fts WHERE item_fts MATCH ?"
            let matches = floor != nil && filter.sql.isEmpty
                ? try Int.fetchOne(db.cachedStatement(sql: countAll), arguments: [pattern]) : nil
            let rank = "\(RankFunction.name)(item_fts, \(Self.bm25Weights.title), \(Self.bm25Weights.body), ?, ?)"
            let candidates: [Candidate]
            if filter.sql.isEmpty {
                // No filter needs the item row: rank inside FTS5 and read `item` only for the window (a join over
                // every match costs a row lookup per match, half the time of a search at 10,000 notes). Inside
                // the window ties go newest-ingested first, then the date breaks them exactly.
                let ranking = try db.cachedStatement(sql: """
                    SELECT item.id, item.session_id, ranked.score FROM (
                        SELECT rowid, \(rank) AS score FROM item_fts WHERE item_fts MATCH ? AND rowid >= ?
                        ORDER BY score, rowid DESC LIMIT ?
                    ) AS ranked JOIN item ON item.id = ranked.rowid
                    ORDER BY ranked.score, item.date DESC, item.id DESC
                    """)
                // A cached statement keeps its last arguments: rebind without the lengths array once done.
                defer { ranking.setUncheckedArguments([nil, nil, pattern, 0, 0]) }
                candidates = try Row.fetchAll(ranking, arguments: [lengths, matches, pattern, floor ?? 0, window]).map(Candidate.init)
            } else {
                candidates = try Row.fetchAll(db, sql: """
                    SELECT item.id, item.session_id, \(rank) AS score FROM item_fts JOIN item ON item.id = item_fts.rowid
                    WHERE item_fts MATCH ? AND item_fts.rowid >= ?\(filter.sql)
                    ORDER BY score, item.date DESC, item.id DESC
                    LIMIT ?
                    """, arguments: [lengths, nil, pattern, floor ?? 0] + filter.arguments + [window]).map(Candidate.init)
            }
            let total: Int
            if let matches {
                total = matches
            } else if candidates.count < window && floor == nil {
                total = candidates.count
            } else if filter.sql.isEmpty {
                // FTS5 counts its own matches without reading a single row.
                total = try Int.fetchOne(db.cachedStatement(sql: countAll), arguments: [pattern]) ?? candidates.count
            } else {
                total = try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM item_fts JOIN item ON item.id = item_fts.rowid WHERE item_fts MATCH ?\(filter.sql)
                    """, arguments: [pattern] + filter.arguments) ?? candidates.count
            }
            let (page, folded) = Self.fold(candidates, limit: limit, cap: cap)
            let hits = try Self.hits(page, slots: limit, pattern: pattern, db)
            let suggestions = hits.isEmpty ? try Self.suggestions(for: query.parsed, db) : []
            var results = SearchResults(hits: hits, total: total, folded: folded, suggestions: suggestions,
                                        understood: query.parsed.display)
            if floor != nil { results.rankedNewest = Self.rankingWindow }
            return results
        }
    }

    /// The FTS5 expression for a parsed query; our builder only writes valid FTS5, so a failure here is a bug,
    /// reported without any SQLite text.
    static func validatedPattern(for parsed: ParsedQuery) throws -> String {
        do {
            return try FTS5Expression.pattern(for: parsed)
        } catch {
            throw StoreError.io(path: "search", reason: "could not build a search for \(parsed.display); please report this query")
        }
    }

    /// A ranked match: item id, its session and its bm25 score (lower is better).
    struct Candidate {
        var id: Int64
        var session: String
        var score: Double

        init(id: Int64, session: String, score: Double) { self.id = id; self.session = session; self.score = score }
        init(_ row: Row) { self.init(id: row[0], session: row[1], score: row[2]) }
    }

    /// The page (candidates in rank order) and the results folded away: walking candidates best first, a session
    /// past `cap` results waits; waiting results fill the page only when the other sessions cannot.
    static func fold(_ candidates: [Candidate], limit: Int, cap: Int?) -> (page: [Candidate], folded: [FoldedSession]) {
        guard let cap else { return (Array(candidates.prefix(limit)), []) }
        var chosen: [Int] = []
        var waiting: [Int] = []
        var perSession: [String: Int] = [:]
        for (n, c) in candidates.enumerated() {
            if chosen.count == limit { break }
            if perSession[c.session, default: 0] < cap {
                chosen.append(n)
                perSession[c.session, default: 0] += 1
            } else {
                waiting.append(n)
            }
        }
        let room = limit - chosen.count
        chosen += waiting.prefix(room)
        chosen.sort()
        var folded: [String: Int] = [:]
        var order: [String] = []
        // Folded: left out although ranked above the page's last result.
        let last = chosen.last ?? 0
        for n in waiting.dropFirst(room) where n < last {
            let s = candidates[n].session
            if folded[s] == nil { order.append(s) }
            folded[s, default: 0] += 1
        }
        return (chosen.map { candidates[$0] }, order.map { FoldedSession(session: $0, count: folded[$0] ?? 0) })
    }

    /// The details of the page's matches, in page order, in one query: FTS5 walks the matches between the
    /// page's lowest and highest rowid once and marks only the page's rows. The `+` keeps SQLite from handing
    /// the `IN` list to FTS5 as 20 rowid lookups, each of which re-reads the term's doclist from the start
    /// (3.4 ms for "pool" at 10,000 notes; the single walk takes 0.5 ms). The statement is cached: the list
    /// always has `slots` placeholders (ids padded with -1, never an item), as preparing it took 0.3–0.5 ms.
    /// Columns are read by position (by name, the 20 rows took 0.5–1 ms). Scores come from the ranking query:
    /// bm25 here would count every document of every phrase again for its IDF.
    static func hits(_ page: [Candidate], slots: Int, pattern: String, _ db: Database) throws -> [SearchHit] {
        guard let low = page.map(\.id).min(), let high = page.map(\.id).max() else { return [] }
        let open = String(markOpen), close = String(markClose)
        let slots = max(slots, page.count)
        let ids = page.map(\.id) + Array(repeating: -1, count: slots - page.count)
        let placeholders = Array(repeating: "?", count: slots).joined(separator: ",")
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT item.id, item.kind, item.title, item.line, item.date, item.priority, item.priority_rank, item.status,
                   item.category, item.tags, item.session_id, session.title AS session_title, session.file,
                   highlight(item_fts, 0, ?, ?) AS title_marked,
                   snippet(item_fts, 1, ?, ?, '…', 16) AS snippet
            FROM item_fts JOIN item ON item.id = item_fts.rowid JOIN session ON session.id = item.session_id
            WHERE item_fts MATCH ? AND item_fts.rowid BETWEEN ? AND ? AND +item_fts.rowid IN (\(placeholders))
            """), arguments: [open, close, open, close, pattern, low, high] + StatementArguments(ids.map { $0 as any DatabaseValueConvertible }))
        let byID = Dictionary(rows.map { ($0[0] as Int64, $0) }, uniquingKeysWith: { a, _ in a })
        return page.compactMap { c in
            guard let row = byID[c.id] else { return nil }
            let tags: String = row[9]
            return SearchHit(
                kind: ItemKind(rawValue: row[1]) ?? .session,
                title: row[2],
                titleMarks: MarkedText(marked: row[13] ?? "", open: markOpen, close: markClose),
                snippet: MarkedText(marked: row[14] ?? "", open: markOpen, close: markClose),
                sessionID: row[10], sessionTitle: row[11], date: row[4], file: row[12],
                line: row[3], score: -c.score, priority: row[5],
                priorityRank: row[6], status: row[7], category: row[8],
                tags: tags.split(separator: " ").map(String.init))
        }
    }
}

/// The SQL for a query's filters: fixed fragments with `?` placeholders and their arguments, nothing typed.
struct SearchFilter {
    var sql = ""
    var arguments: StatementArguments = []

    init(_ q: SearchQuery) {
        if !q.kinds.isEmpty {
            add("item.kind IN (" + q.kinds.map { _ in "?" }.joined(separator: ", ") + ")", q.kinds.map(\.rawValue))
        }
        if let s = q.sessionID { add("item.session_id = ?", [s]) }
        if let d = q.since { add("item.date >= ?", [d]) }
        if let d = q.until { add("item.date <= ?", [d]) }
        if let p = q.priority {
            // Tasks carry a rank; findings keep their severity as written ("P0 BLOCKER"), matched word by word.
            let words = p.words.map { _ in "instr(' ' || lower(item.priority) || ' ', ' ' || ? || ' ') > 0" }
            let unranked = words.isEmpty ? "" : " OR (item.priority_rank IS NULL AND (" + words.joined(separator: " OR ") + "))"
            add("(item.priority_rank = ?" + unranked + ")", [p.rank] + p.words.map { $0.lowercased() })
        }
        if !q.statuses.isEmpty {
            add("lower(item.status) IN (" + q.statuses.map { _ in "?" }.joined(separator: ", ") + ")", q.statuses.map { $0.lowercased() })
        }
        for tag in q.tags {
            add("instr(lower(item.tags), ' ' || ? || ' ') > 0", [tag.lowercased()])
        }
    }

    private mutating func add(_ fragment: String, _ values: [any DatabaseValueConvertible]) {
        sql += " AND " + fragment
        arguments += StatementArguments(values)
    }
}
