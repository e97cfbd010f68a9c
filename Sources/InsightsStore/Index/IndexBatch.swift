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
        try db.execute(sql: "INSERT INTO item_fts(item_fts) VALUES('rebuild')")
    }

    /// Deletes the sessions with these ids (their items go with them).
    public func remove(_ ids: [String]) throws {
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
        let prepared = try Parallel.map(sessions, inRunsOf: 4) { run in try run.map(PreparedSession.init) }
        try delete(replacedBy: prepared)
        // Prepared for this batch and finalized with it: a cached statement keeps its last blob argument alive
        // past the connection (LeakSanitizer reports it).
        let insertSession = try db.makeStatement(sql: """
            INSERT INTO session(id, title, date, source, file, hash, tags, json, entry_start, entry_end, derived)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var items: [(session: Session, tags: String, row: SearchRow)] = []
        for p in prepared {
            let s = p.session
            try insertSession.execute(arguments: [s.id, s.title, s.date, s.source, p.file, s.hash, p.tagsJSON, p.json,
                                                  s.entry?.startLine, s.entry?.endLine, p.derived])
            let tags = " " + s.tags.joined(separator: " ") + " "
            for row in p.rows { items.append((s, tags, row)) }
        }
        try insertItems(items)
    }

    /// The item table's columns, in the order `store` gives their values.
    static let itemColumns = ["session_id", "kind", "ordinal", "title", "body", "line", "date", "priority",
                              "priority_rank", "status", "category", "tags"]
    /// Items per INSERT statement (12 values each, far below SQLite's 32,766 variables).
    static let itemsPerStatement = 400

    /// Many items per statement: FTS5 writes its pending terms out as a new segment at every statement's
    /// savepoint, so one INSERT per item (each firing the FTS trigger in its own statement) made a segment per
    /// item, and inserting 2,000 notes' 24,000 items took 1.8 s instead of 0.3. The values are bound straight
    /// through SQLite's API (GRDB's argument conversion was most of the inserts' time).
    private func insertItems(_ items: [(session: Session, tags: String, row: SearchRow)]) throws {
        let width = Self.itemColumns.count
        var start = 0
        while start < items.count {
            let rows = min(Self.itemsPerStatement, items.count - start)
            let sql = "INSERT INTO item(" + Self.itemColumns.joined(separator: ", ") + ") VALUES "
                + Array(repeating: "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")", count: rows).joined(separator: ", ")
            let statement = try db.makeStatement(sql: sql)
            let raw = statement.sqliteStatement
            var n: Int32 = 0
            func bind(_ value: String?) {
                n += 1
                guard var text = value else { sqlite3_bind_null(raw, n); return }
                text.withUTF8 { bytes in
                    guard let base = bytes.baseAddress, !bytes.isEmpty else { _ = sqlite3_bind_text(raw, n, "", 0, Self.transient); return }
                    _ = sqlite3_bind_text(raw, n, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient)
                }
            }
            func bind(_ number: Int?) {
                n += 1
                guard let number else { sqlite3_bind_null(raw, n); return }
                sqlite3_bind_int64(raw, n, Int64(number))
            }
            for (s, tags, row) in items[start..<start + rows] {
                bind(s.id); bind(row.kind.rawValue); bind(row.ordinal); bind(row.title); bind(row.body); bind(row.line)
                bind(s.date); bind(row.priority); bind(row.priorityRank); bind(row.status); bind(row.category); bind(tags)
            }
            let code = sqlite3_step(raw)
            sqlite3_reset(raw)
            sqlite3_clear_bindings(raw)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            start += rows
        }
    }

    /// SQLite copies a value bound with this destructor.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

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
        // At most 10,000 values a statement (SQLite allows 32,766 variables).
        func deleteAll(_ values: [String], _ sql: String) throws {
            for start in stride(from: 0, to: values.count, by: 10_000) {
                let run = values[start..<min(start + 10_000, values.count)]
                let list = Array(repeating: "?", count: run.count).joined(separator: ", ")
                try db.execute(sql: sql.replacingOccurrences(of: "LIST", with: list), arguments: StatementArguments(Array(run)))
            }
        }
        try deleteAll(ids, "DELETE FROM session WHERE id IN (LIST)")
        try deleteAll(wholeFiles, "DELETE FROM session WHERE file IN (LIST)")
        try deleteAll(Array(Set(entryFiles)).sorted(), "DELETE FROM session WHERE entry_start IS NULL AND file IN (LIST)")
    }
}

/// A session as the index stores it: its JSON, its search rows and its derived input, made off the writer.
struct PreparedSession: Sendable {
    var session: Session
    var file: String
    var json: Data
    var tagsJSON: String
    var derived: Data
    var rows: [SearchRow]

    init(_ stored: StoredSession) throws {
        session = stored.session
        file = stored.file
        json = try StoredJSON.encode(stored.session)
        tagsJSON = String(decoding: try StoredJSON.encode(stored.session.tags), as: UTF8.self)
        derived = Data(DerivedInput(stored.session).bytes())
        rows = SearchRows.rows(for: stored.session)
    }
}
