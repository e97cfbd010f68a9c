import Foundation
import GRDB
import GRDBSQLite
import InsightsCore

/// The sessions one write transaction stores and removes, as the caller decides them (see `Index.writing`).
///
/// `try index.writing({ batch in try batch.store(parsed) }, then: { tx in ... })` → the sessions, their search
/// rows and their derived inputs, committed with whatever `then` writes.
public final class IndexBatch {
    let db: Database
    /// The index file (named in errors).
    let path: String
    /// Whether anything was stored or removed (or `markChanged()` was called).
    public private(set) var hasChanges = false

    init(db: Database, path: String) { self.db = db; self.path = path }

    /// `Index.verify()` on this transaction's connection: run it before the first write.
    public func verify() throws { try Index.quickCheck(db, path: path) }

    /// Commits the transaction even if nothing is stored (to rewrite what `then` derives).
    public func markChanged() { hasChanges = true }

    /// The search index's triggers while they are set aside by `beginBulk` (their SQL, to put them back).
    private(set) var setAside: [String] = []

    /// Each stored session's derived input, kept when asked (`keepInputs`) while this batch writes into an index
    /// that held no session when it began (a first ingest), for the recompute to take (`takeKeptInputs`)
    /// instead of reading every input back and decoding it (a cold ingest of 10,000 notes: 3.28 -> 3.13 s,
    /// peak 96 -> 120 MB). Nil for any other batch, once a session is removed, and past `maxKeptInputs`.
    private var kept: [DerivedInput]?
    /// The most inputs a batch keeps. Kept as they were made, on every core among the parsing's garbage, they
    /// hold more memory than read back: a first ingest of 50,000 notes peaked at 430 MB keeping them all, at
    /// 267 MB reading them back, and at 290 MB letting go of the first 16,384 kept.
    public static let maxKeptInputs = 16_384
    private var wantsKept = false
    /// Whether `store` has asked if the index was empty yet.
    private var askedIfEmpty = false

    /// Asks the batch to keep the derived inputs of the sessions it stores for the recompute (see `kept`), when
    /// the caller expects to store at most `maxKeptInputs`.
    public func keepInputs(expecting sessions: Int) { wantsKept = sessions <= Self.maxKeptInputs }

    /// The derived inputs kept for the recompute (see `kept`), handed over once; nil when none were kept.
    func takeKeptInputs() -> [DerivedInput]? {
        defer { kept = nil }
        return kept
    }

    /// For a batch that writes most of the index (a first ingest, a reindex): the items' full-text triggers
    /// are set aside and the search index is rebuilt from every item once, when the batch ends (`endBulk`),
    /// inside this transaction. Indexing item by item merged FTS5 segments over and over (10,000 notes: 4 s
    /// of inserts; a rebuild of the same 118,000 items takes 0.6 s).
    public func beginBulk() throws {
        guard setAside.isEmpty else { return }
        let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'item'")
        for trigger in triggers {
            let name: String = trigger[0], sql: String = trigger[1]
            setAside.append(sql)
            try db.execute(sql: "DROP TRIGGER " + name.quotedDatabaseIdentifier)
        }
    }

    /// Puts the triggers back and rebuilds the search index from the items (see `beginBulk`).
    func endBulk() throws {
        guard !setAside.isEmpty else { return }
        for sql in setAside { try db.execute(sql: sql) }
        setAside = []
        // FTS5 writes its pending terms out as a new segment whenever they pass `hashsize` (1 MB unless set) and
        // merges segments as it goes: rebuilding 10,000 notes' items made six segments in 0.45 s, with 8 MB one
        // in 0.32-0.38 s (for 10 MB more memory). The setting stays with the index; inserts outside a rebuild
        // write a segment per statement anyway (see `insertItems`).
        try db.execute(sql: "INSERT INTO item_fts(item_fts, rank) VALUES('hashsize', \(Self.searchHashSize))")
        try db.execute(sql: "INSERT INTO item_fts(item_fts) VALUES('rebuild')")
    }

    /// The pending search-index bytes FTS5 holds before writing them out as a segment (see `endBulk`).
    static let searchHashSize = 8 << 20

    /// Deletes the sessions with these ids (their items go with them).
    public func remove(_ ids: [String]) throws {
        if !ids.isEmpty { kept = nil }
        for id in ids {
            try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id])
            hasChanges = true
        }
    }

    /// Stores each session in place of the one with its id (and of a whole-note session of its file). The
    /// JSON, search rows and derived input of each are made on every core; only the inserts are sequential.
    public func store(_ sessions: [StoredSession]) throws {
        guard !sessions.isEmpty else { return }
        hasChanges = true
        if wantsKept && !askedIfEmpty {
            askedIfEmpty = true
            if try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM session)") == true { kept = [] }
        }
        let prepared = try Parallel.map(sessions, inRunsOf: 4) { run in try run.map(PreparedSession.init) }
        if kept != nil { kept?.append(contentsOf: prepared.lazy.map(\.input)) }
        if let count = kept?.count, count > Self.maxKeptInputs { kept = nil }
        try delete(replacedBy: prepared)
        // Prepared for this batch and finalized with it (a row's values are copied in and cleared after each
        // row, so no blob outlives its step).
        let sql = """
            INSERT INTO session(id, title, date, source, file, hash, tags, json, entry_start, entry_end, derived)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        var insert = RawInsert(try db.makeStatement(sql: sql), sql: sql, db: db)
        for p in prepared {
            let s = p.session
            insert.bind(s.id); insert.bind(s.title); insert.bind(s.date); insert.bind(s.source); insert.bind(p.file)
            insert.bind(s.hash); insert.bind(p.tagsJSON); insert.bind(p.json); insert.bind(s.entry?.startLine)
            insert.bind(s.entry?.endLine); insert.bind(p.derived)
            try insert.step()
        }
        try insertItems(prepared)
    }

    /// The item table's columns, in the order `store` gives their values.
    static let itemColumns = ["session_id", "kind", "ordinal", "title", "body", "line", "date", "priority",
                              "priority_rank", "status", "category", "tags"]
    /// Items per INSERT statement (12 values each, far below SQLite's 32,766 variables).
    static let itemsPerStatement = 400

    /// `INSERT INTO item(...) VALUES (?, ...), ...` for `rows` items.
    static func insertItemsSQL(rows: Int) -> String {
        "INSERT INTO item(" + itemColumns.joined(separator: ", ") + ") VALUES "
            + Array(repeating: "(" + Array(repeating: "?", count: itemColumns.count).joined(separator: ", ") + ")", count: rows)
                .joined(separator: ", ")
    }
    static let fullRunSQL = insertItemsSQL(rows: itemsPerStatement)

    /// Many items per statement: FTS5 writes its pending terms out as a new segment at every statement's
    /// savepoint, so one INSERT per item (each firing the FTS trigger in its own statement) made a segment per
    /// item, and inserting 2,000 notes' 24,000 items took 1.8 s instead of 0.3. The statement of a full run is
    /// the connection's cached one, its bindings cleared after each run (preparing a 400-row statement anew each
    /// time was 6% of the instructions of a cold ingest).
    ///
    /// A batch's last run is shorter. While the search index is set aside (`beginBulk`) it goes in runs of the
    /// cached sizes in `bulkRuns` (380 items: 100 × 3, 25 × 3, 5) instead of a statement of its exact size
    /// prepared for every batch (with the deletes parsed for every batch, 2% of the instructions of a cold
    /// ingest). Otherwise it is one statement, one search segment.
    private func insertItems(_ sessions: [PreparedSession]) throws {
        var left = sessions.reduce(0) { $0 + $1.rows.count }
        guard left > 0 else { return }
        let isBulk = !setAside.isEmpty
        // The statement for the next run, and how many rows it takes.
        func statement() throws -> (RawInsert, rows: Int) {
            let wanted = min(left, Self.itemsPerStatement)
            let rows = isBulk ? Self.bulkRuns.first { $0 <= wanted } ?? 1 : wanted
            let sql = rows == Self.itemsPerStatement ? Self.fullRunSQL : Self.insertItemsSQL(rows: rows)
            let prepared = rows == Self.itemsPerStatement || isBulk ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
            return (RawInsert(prepared, sql: sql, db: db), rows)
        }
        var inRun = 0
        var (insert, runRows) = try statement()
        for p in sessions {
            let s = p.session
            for row in p.rows {
                insert.bind(s.id); insert.bind(row.kind.rawValue); insert.bind(row.ordinal); insert.bind(row.title)
                insert.bind(row.body); insert.bind(row.line); insert.bind(s.date); insert.bind(row.priority)
                insert.bind(row.priorityRank); insert.bind(row.status); insert.bind(row.category); insert.bind(p.tags)
                inRun += 1
                left -= 1
                if inRun == runRows {
                    try insert.step()
                    inRun = 0
                    if left > 0 { (insert, runRows) = try statement() }
                }
            }
        }
    }

    /// The run sizes items go in while the search index is set aside (see `insertItems`), largest first.
    static let bulkRuns = [itemsPerStatement, 100, 25, 5, 1]

    /// Deletes what the sessions replace: the session with each one's id, and for a whole note every session
    /// read from its file (for an entry of a log, only a whole-note session of its file: its sibling entries
    /// stay). In a few statements (each statement is a savepoint, see `insertItems`) unless one session of the
    /// batch could replace another, which is then done one session at a time, in order.
    private func delete(replacedBy prepared: [PreparedSession]) throws {
        let ids = prepared.map(\.session.id)
        let wholeFiles = prepared.filter { $0.session.entry == nil }.map(\.file)
        let entryFiles = prepared.filter { $0.session.entry != nil }.map(\.file)
        let isIndependent = Set(ids).count == ids.count && Set(wholeFiles).count == wholeFiles.count
            && Set(wholeFiles).isDisjoint(with: entryFiles)
        guard isIndependent else {
            for p in prepared {
                try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [p.session.id])
                try db.execute(sql: p.session.entry == nil ? "DELETE FROM session WHERE file = ?"
                                   : "DELETE FROM session WHERE file = ? AND entry_start IS NULL", arguments: [p.file])
            }
            return
        }
        // At most 10,000 values a statement (SQLite allows 32,766 variables). Cached: batches are mostly of one
        // size, and the three statements were parsed anew for each (see `insertItems`).
        func deleteAll(_ values: [String], _ sql: String) throws {
            for start in stride(from: 0, to: values.count, by: 10_000) {
                let run = values[start..<min(start + 10_000, values.count)]
                let list = Array(repeating: "?", count: run.count).joined(separator: ", ")
                try db.cachedStatement(sql: sql + "(" + list + ")").execute(arguments: StatementArguments(Array(run)))
            }
        }
        try deleteAll(ids, "DELETE FROM session WHERE id IN ")
        try deleteAll(wholeFiles, "DELETE FROM session WHERE file IN ")
        try deleteAll(Array(Set(entryFiles)).sorted(), "DELETE FROM session WHERE entry_start IS NULL AND file IN ")
    }
}

/// A session as the index stores it: its JSON, its search rows and its derived input, made off the writer.
struct PreparedSession: Sendable {
    var session: Session
    var file: String
    var json: Data
    var tagsJSON: String
    /// The tags as the item table holds them: `" a b "`.
    var tags: String
    var input: DerivedInput
    var derived: Data
    var rows: [SearchRow]

    init(_ stored: StoredSession) throws {
        session = stored.session
        file = stored.file
        json = try StoredJSON.encode(stored.session)
        tagsJSON = String(decoding: try StoredJSON.encode(stored.session.tags), as: UTF8.self)
        tags = " " + stored.session.tags.joined(separator: " ") + " "
        input = DerivedInput(stored.session)
        derived = Data(input.bytes())
        rows = SearchRows.rows(for: stored.session)
    }
}
