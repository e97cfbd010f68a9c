import Foundation
import GRDB
import InsightsCore

/// The derived SQLite index of a journal: sessions, their items, full-text search, tasks and failures.
///
/// The only place that talks SQL. `try Index.open(at: "journal/.insights/index.sqlite")` migrates a new file,
/// refuses an index written by a newer insights, and reports a corrupt one with the fix (`insights reindex`).
public final class Index: Sendable {
    let writer: any DatabaseWriter
    /// Path of the database file, or `:memory:`.
    public let path: String
    /// Whether the file has `fts_lengths` (schema v5): an older index opened read-only is searched without it.
    let hasRankLengths: Bool

    init(writer: any DatabaseWriter, path: String, hasRankLengths: Bool = true) {
        self.writer = writer
        self.path = path
        self.hasRankLengths = hasRankLengths
    }

    /// Opens (creating and migrating if needed) the index file at `path`, in WAL mode with a busy timeout.
    /// The whole-file integrity check (`PRAGMA quick_check`, ~45 ms on a 20 MB index) runs only when opening
    /// for writing; a reader that meets damage gets the same advice through `StoreError.from(_:)`.
    public static func open(at path: String, readOnly: Bool = false, verifies: Bool = true) throws -> Index {
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        // Reads go through a memory map instead of read(2) copies, and keep more pages cached: at 10,000 notes
        // (a 97 MB index) a search spent most of its time in the kernel copying pages.
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -32768")
            RankFunction.register(db)
        }
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            let applied = try Index(writer: pool, path: path).prepare(readOnly: readOnly, verifies: verifies)
            return Index(writer: pool, path: path, hasRankLengths: applied.contains("v5-rank-lengths"))
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.corruptIndex(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// A fresh in-memory index (for tests and dry runs), migrated like a file.
    public static func inMemory() throws -> Index {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in RankFunction.register(db) }
        let queue = try DatabaseQueue(configuration: config)
        let index = Index(writer: queue, path: ":memory:")
        try index.prepare(readOnly: false, verifies: false)
        return index
    }

    /// Migrates (unless read-only) and checks the file; returns the migrations it has.
    @discardableResult
    private func prepare(readOnly: Bool, verifies: Bool) throws -> [String] {
        let migrator = Schema.migrator
        let applied = try writer.read { db -> [String] in
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")
            return try db.tableExists("grdb_migrations") ? try migrator.appliedIdentifiers(db).sorted() : []
        }
        if applied.contains(where: { !Schema.migrationNames.contains($0) }) {
            throw StoreError.newerIndex(path: path)
        }
        if !readOnly, applied.count < Schema.migrationNames.count {
            try migrator.migrate(writer)
            if verifies { try verify() }
            return Schema.migrationNames
        }
        if verifies { try verify() }
        return applied
    }

    /// The whole-file integrity check (`PRAGMA quick_check`: 0.3 s on a 100 MB index): run before writing
    /// into an index, so damage is reported with its fix instead of written over.
    public func verify() throws {
        let check = try writer.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
        if check != "ok" { throw StoreError.corruptIndex(path: path, reason: check ?? "quick_check failed") }
    }

    // MARK: Writing

    /// Replaces the given sessions (matched by id) and removes `removing`, all in one transaction;
    /// `then` runs inside the same transaction (to recompute tasks and failures).
    /// `sessions` is consumed: it is released once stored, before `then` reads every session back (at 50,000
    /// notes a cold ingest held both copies).
    public func write(sessions: consuming [StoredSession], removing: [String] = [],
                      then: (@Sendable (IndexTransaction) throws -> Void)? = nil) throws {
        var pending = consume sessions
        let changes = !pending.isEmpty || !removing.isEmpty
        try writer.write { db in
            for id in removing {
                try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id])
            }
            for stored in pending {
                // Two statements, so each uses its index (an OR of the two scans the whole table).
                try db.cachedStatement(sql: "DELETE FROM session WHERE id = ?").execute(arguments: [stored.session.id])
                // A whole note replaces everything read from its file; an entry of a log replaces only a
                // whole-note session of that file (its sibling entries stay).
                try db.cachedStatement(sql: stored.session.entry == nil ? "DELETE FROM session WHERE file = ?"
                                           : "DELETE FROM session WHERE file = ? AND entry_start IS NULL").execute(arguments: [stored.file])
                try Self.insert(stored, db)
            }
            pending = []
            if let then { try then(IndexTransaction(db: db)) }
            if changes { try Self.compactSearchIndex(db) }
            try Self.newGeneration(db)
        }
    }

    /// The token of the index's current content: a new random value after every write, nil for an index
    /// written before there were tokens. Equal tokens mean equal content.
    public func generation() throws -> String? {
        try writer.read { db in
            try db.tableExists("meta") ? try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'generation'") : nil
        }
    }

    /// Replaces the token, and rewrites the search's item lengths for the new content (`RankLengths`).
    static func newGeneration(_ db: Database) throws {
        let token = UUID().uuidString
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('generation', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       arguments: [token])
        try RankLengths.refresh(db, generation: token)
    }

    /// FTS5 writes a new segment per transaction and merges them four at a time; a search seeks every segment
    /// for every term, so at 10,000 notes twelve segments made each result's snippet 0.18 ms instead of 0.04.
    /// Past this many segments a write merges them into one ('optimize': 0.36 s at 10,000 notes, in the same
    /// transaction, so at most once per ingest).
    static let maxSearchSegments = 4

    static func compactSearchIndex(_ db: Database) throws {
        let segments = try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM item_fts_idx") ?? 0
        if segments > maxSearchSegments { try db.execute(sql: "INSERT INTO item_fts(item_fts) VALUES('optimize')") }
    }

    /// Removes every session, item, task and failure.
    public func clear() throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM session; DELETE FROM task; DELETE FROM failure;")
            try db.execute(sql: "INSERT INTO item_fts(item_fts) VALUES('rebuild')")
            try Self.newGeneration(db)
        }
    }

    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    private static func insert(_ stored: StoredSession, _ db: Database) throws {
        let s = stored.session
        let tagsJSON = String(decoding: try encoder.encode(s.tags), as: UTF8.self)
        // Not cached: a cached statement keeps its last blob argument alive past the connection (LeakSanitizer
        // reports it), and there is one of these per note.
        try db.execute(sql: """
            INSERT INTO session(id, title, date, source, file, hash, tags, json, entry_start, entry_end)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [s.id, s.title, s.date, s.source, stored.file, s.hash, tagsJSON, try encoder.encode(s),
                             s.entry?.startLine, s.entry?.endLine])
        let tags = " " + s.tags.joined(separator: " ") + " "
        // Cached: compiling the same INSERT for each of 40,000 items was a tenth of an ingest.
        let insertItem = try db.cachedStatement(sql: """
            INSERT INTO item(session_id, kind, ordinal, title, body, line, date, priority, priority_rank, status, category, tags)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in SearchRows.rows(for: s) {
            try insertItem.execute(arguments: [s.id, row.kind.rawValue, row.ordinal, row.title, row.body, row.line, s.date,
                                               row.priority, row.priorityRank, row.status, row.category, tags])
        }
    }

    // MARK: Reading

    /// Every session's identity (id, file, hash, title, date, source), for deciding what an ingest changes.
    public func sessionKeys() throws -> [SessionKey] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, file, hash, title, date, source, entry_start FROM session").map {
                SessionKey(id: $0["id"], file: $0["file"], hash: $0["hash"], title: $0["title"], date: $0["date"], source: $0["source"],
                           entryStart: $0["entry_start"])
            }
        }
    }

    /// All sessions, newest first (ties by id).
    public func sessions() throws -> [Session] {
        let rows = try writer.read { db in try Data.fetchAll(db, sql: "SELECT json FROM session ORDER BY date DESC, id DESC") }
        return try Parallel.map(rows, inRunsOf: 256) { try $0.map(Self.decode) }
    }

    /// One session by id, or nil.
    public func session(id: String) throws -> Session? {
        try writer.read { db in
            try Data.fetchOne(db, sql: "SELECT json FROM session WHERE id = ?", arguments: [id]).map(Self.decode)
        }
    }

    /// Number of sessions and items, for summaries and tests.
    public func counts() throws -> (sessions: Int, items: Int) {
        try writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM session") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM item") ?? 0)
        }
    }

    static func decode(_ data: Data) throws -> Session {
        try JSONDecoder().decode(Session.self, from: data)
    }
}

/// A session and the journal file (relative to the journal folder) that holds its note.
public struct StoredSession: Sendable {
    public var session: Session
    public var file: String

    public init(session: Session, file: String) {
        self.session = session
        self.file = file
    }
}

/// What identifies a stored session when deciding whether an ingest adds, updates or changes nothing.
public struct SessionKey: Sendable, Hashable {
    public var id: String
    public var file: String
    public var hash: String
    public var title: String
    public var date: String
    public var source: String
    /// First line of the log entry it was read from; nil for a whole note.
    public var entryStart: Int?

    public init(id: String, file: String, hash: String, title: String, date: String, source: String, entryStart: Int? = nil) {
        self.id = id; self.file = file; self.hash = hash; self.title = title; self.date = date; self.source = source
        self.entryStart = entryStart
    }
}

/// Access to the open write transaction for work that must commit with the sessions.
public struct IndexTransaction {
    let db: Database
}

extension IndexTransaction {
    /// Every stored session (including those written earlier in this transaction), oldest first.
    public func sessions() throws -> [Session] {
        // Decoded on every core: 1.5 s of a one-note ingest into 10,000 notes was this JSON.
        let rows = try Data.fetchAll(db, sql: "SELECT json FROM session ORDER BY date, id")
        return try Parallel.map(rows, inRunsOf: 256) { try $0.map(Index.decode) }
    }
}

extension Index {
    /// Runs raw SQL; for tests that simulate damage (never called with user input).
    package func debugExecute(_ sql: String) throws {
        try writer.write { db in try db.execute(sql: sql) }
    }
}
