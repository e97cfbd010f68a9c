import Foundation
import GRDB
import InsightsCore

/// The derived SQLite index of a journal: sessions, their items, full-text search, tasks and failures.
///
/// The only place that talks SQL. `try Index.open(at: "journal/.insights/index.sqlite")` migrates a new file,
/// refuses an index written by a newer insights, and reports a corrupt one with the fix (`insights reindex`).
public final class Index: Sendable {
    let writer: any DatabaseWriter
    /// What the reads a site build makes go through: the writer, or a snapshot of it (`snapshot()`).
    let reader: any DatabaseReader
    /// Path of the database file, or `:memory:`.
    public let path: String
    /// Whether the file has `fts_lengths` (schema v5): an older index opened read-only is searched without it.
    let hasRankLengths: Bool

    init(writer: any DatabaseWriter, reader: (any DatabaseReader)? = nil, path: String, hasRankLengths: Bool = true) {
        self.writer = writer
        self.reader = reader ?? writer
        self.path = path
        self.hasRankLengths = hasRankLengths
    }

    /// Opens (creating and migrating if needed) the index file at `path`, in WAL mode with a busy timeout.
    /// The migrations the file has, sorted; throws `StoreError.newerIndex` when one is not this insights' own.
    private func appliedMigrations() throws -> [String] {
        // One query (a file that is not an index fails it; a new empty file has no table and no migrations).
        let applied = try writer.read { db in try Schema.migrator.appliedIdentifiers(db).sorted() }
        if applied.contains(where: { !Schema.migrationNames.contains($0) }) {
            throw StoreError.newerIndex(path: path)
        }
        return applied
    }

    /// The whole-file integrity check (`PRAGMA quick_check`, ~45 ms on a 20 MB index) runs only when opening
    /// for writing; a reader that meets damage gets the same advice through `StoreError.from(_:)`.
    public static func open(at path: String, readOnly: Bool = false, verifies: Bool = true) throws -> Index {
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // Searches map the file (`Index.search` turns it on for its connection); nothing else does: mapped
            // pages count as the process's own memory, a write's integrity check touches every page (10,000
            // notes: 106 MB more for a one-note ingest), and the kernel maps 64 kB around each page a scattered
            // read touches (reading the session keys of 10,000 notes, a 2.7 MB index, took 48 MB).
            // A page cache of 8 MB (SQLite's default is 2): 32 MB was 25–33 MB more of an ingest's peak at 10,000
            // and 50,000 notes, for the same ingest and search times (searches read through the map).
            try db.execute(sql: "PRAGMA cache_size = -8192")
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

    /// Opens the index at `path` for a command that reads it a few times and exits (search, tasks, show): one
    /// read-only connection, so no write-ahead-log set-up on opening and no checkpoint and fsync on closing (a
    /// tenth of the CPU of a search of 2,000 notes). Each read sees the index as last committed; an ingest may
    /// commit between two reads (a reader that must see one content throughout takes `open(at:)`'s
    /// `snapshot()`). An index an older insights wrote is opened with `open(at:)` instead, which migrates it.
    public static func openReader(at path: String) throws -> Index {
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.readonly = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -8192")  // as `open(at:)`
            RankFunction.register(db)
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            let reader = Index(writer: queue, path: path)
            if try reader.appliedMigrations().count == Schema.migrationNames.count { return reader }
            try queue.close()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.corruptIndex(path: path, reason: error.message ?? "\(error.resultCode)")
        }
        return try open(at: path, readOnly: false, verifies: false)
    }

    /// A new index file at `path` (none must be there), written by this process alone and not read until it is
    /// complete: no write-ahead log and no flush per commit (SQLite's rollback journal in memory, so a rollback
    /// still works). A cold ingest of 10,000 notes into it took 4.9 s instead of 5.7 (the log wrote every page
    /// twice, and its checkpoint copied them). Finish it with `finishBuilding()`, then put it in place whole
    /// (`Journal.replaceIndex(with:)`, which flushes it first); a kill before that leaves it unused.
    public static func openNew(at path: String) throws -> Index {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -8192")  // as `open(at:)`
            try db.execute(sql: "PRAGMA journal_mode = MEMORY")
            try db.execute(sql: "PRAGMA synchronous = OFF")
            RankFunction.register(db)
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try Index(writer: queue, path: path).prepare(readOnly: false, verifies: false)
            return Index(writer: queue, path: path)
        } catch let error as DatabaseError {
            throw StoreError.io(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// Ends an index opened with `openNew(at:)`: turns it into a write-ahead-log index like every other and
    /// closes it. Nothing may use it afterwards.
    public func finishBuilding() throws {
        do {
            try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try writer.close()
        } catch let error as DatabaseError {
            throw StoreError.io(path: path, reason: error.message ?? "\(error.resultCode)")
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
        let applied = try appliedMigrations()
        if !readOnly, applied.count < Schema.migrationNames.count {
            try Schema.migrator.migrate(writer)
            if verifies { try verify() }
            return Schema.migrationNames
        }
        if verifies { try verify() }
        return applied
    }

    /// The whole-file integrity check (`PRAGMA quick_check`: 0.3 s on a 100 MB index): run before writing
    /// into an index, so damage is reported with its fix instead of written over.
    public func verify() throws {
        try writer.read { db in try Self.quickCheck(db, path: path) }
    }

    static func quickCheck(_ db: Database, path: String) throws {
        let check = try String.fetchOne(db, sql: "PRAGMA quick_check")
        if check != "ok" { throw StoreError.corruptIndex(path: path, reason: check ?? "quick_check failed") }
    }

    // MARK: Reading

    /// This index as it is now, for a reader that reads it many times and must see one content throughout (a
    /// site build reads a large journal's sessions back a batch at a time, while an ingest may commit): its
    /// session keys, sessions, tasks, failures and generation come from one read transaction, held until it
    /// is let go. Searches and writes go to the index itself. An in-memory index is its own snapshot; a
    /// reader's single connection (`openReader(at:)`) cannot hold one, so its file is opened again as a pool.
    public func snapshot() throws -> Index {
        if let pool = writer as? DatabasePool {
            return Index(writer: writer, reader: try pool.makeSnapshot(), path: path, hasRankLengths: hasRankLengths)
        }
        return path == ":memory:" ? self : try Index.open(at: path, verifies: false).snapshot()
    }

    /// Two snapshots of one content (`snapshot()`), each on a connection of its own, so that two reads run at
    /// once: a site build decodes its tasks and clusters on one while it reads its sessions on the other. The
    /// two are taken one after the other and kept only when their generations agree (a write may commit
    /// between them; tried three times); otherwise, and for an index written before generations, one snapshot
    /// twice.
    public func snapshots() throws -> (Index, Index) {
        guard writer is DatabasePool else {
            return path == ":memory:" ? (self, self) : try Index.open(at: path, verifies: false).snapshots()
        }
        var first = try snapshot()
        for _ in 0..<3 {
            let second = try snapshot()
            if let generation = try first.generation(), try second.generation() == generation { return (first, second) }
            first = second
        }
        return (first, first)
    }

    /// Every session's identity (id, file, hash, title, date, source), for deciding what an ingest changes.
    public func sessionKeys() throws -> [SessionKey] {
        try reader.read { db in
            // Read row by row: every row fetched first was another copy of all the keys.
            var keys: [SessionKey] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT id, file, hash, title, date, source, entry_start FROM session")
            while let row = try rows.next() {
                keys.append(SessionKey(id: row[0], file: row[1], hash: row[2], title: row[3], date: row[4], source: row[5],
                                       entryStart: row[6]))
            }
            return keys
        }
    }

    /// All sessions, newest first (ties by id).
    public func sessions() throws -> [Session] {
        try decodedRows(sql: "SELECT json FROM session ORDER BY date DESC, id DESC", as: Session.self)
    }

    /// Every session's id, in no particular order.
    public func sessionIDs() throws -> [String] {
        try reader.read { db in try String.fetchAll(db, sql: "SELECT id FROM session") }
    }

    /// The sessions with these ids, each with its note's file, in no particular order; an id the index does not
    /// have is left out. For reading a few hundred at a time (a site build reads every session this way, and
    /// holds none of them for long). The rows are read in one transaction and decoded after it.
    public func sessions(ids: [String]) throws -> [StoredSession] {
        guard !ids.isEmpty else { return [] }
        let rows = try reader.read { db in
            try Row.fetchAll(db, sql: "SELECT file, json FROM session WHERE id IN (" + Self.placeholders(ids.count) + ")",
                             arguments: StatementArguments(ids))
                .map { (file: $0[0] as String, json: $0[1] as Data) }
        }
        return try rows.map { StoredSession(session: try Self.decode($0.json), file: $0.file) }
    }

    /// The sessions with these ids as `sessions(ids:)` gives them, with only their id, title, date and `part`
    /// (the rest empty): SQLite takes the part out of the stored JSON, and only it is decoded (a site build's
    /// findings page read every session whole: 4 s at 50,000 notes).
    public func sessions(ids: [String], only part: SessionPart) throws -> [StoredSession] {
        guard !ids.isEmpty else { return [] }
        let path = part == .findings ? "$.findings" : "$.friction"
        let rows = try reader.read { db in
            try Row.fetchAll(db, sql: "SELECT file, id, title, date, json_extract(CAST(json AS TEXT), ?) FROM session WHERE id IN ("
                                + Self.placeholders(ids.count) + ")", arguments: StatementArguments([path] + ids))
                .map { (file: $0[0] as String, id: $0[1] as String, title: $0[2] as String, date: $0[3] as String,
                        json: Data(($0[4] as String? ?? "[]").utf8)) }
        }
        return try rows.map { row in
            var session = Session(id: row.id, title: row.title, date: row.date)
            switch part {
            case .findings: session.findings = try StoredJSON.decode([Finding].self, from: row.json)
            case .friction: session.friction = try StoredJSON.decode([Friction].self, from: row.json)
            }
            return StoredSession(session: session, file: row.file)
        }
    }

    /// `?, ?, ?` for `count` arguments.
    static func placeholders(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ",") }

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
        try StoredJSON.decode(Session.self, from: data)
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
    /// The batch whose bulk write may still owe the search index its rebuild (`finishSearchIndex`).
    var batch: IndexBatch?
}

extension IndexTransaction {
    /// Rebuilds the search index now if the batch's bulk write left it to rebuild (`IndexBatch.beginBulk`),
    /// else does nothing. The transaction does it before committing anyway; a caller with work on other
    /// threads calls it meanwhile (a cold ingest rebuilds it while the tasks are tracked: at 50,000 notes the
    /// rebuild is 2.9 s of SQLite on the writer's thread).
    public func finishSearchIndex() throws { try batch?.endBulk() }
}

extension IndexTransaction {
    /// Every stored session's derived input (what tasks and failures are computed from), in the table's order
    /// (see `forEachDerivedInputRun`).
    public func derivedInputs() throws -> [DerivedInput] {
        var inputs: [DerivedInput] = []
        try forEachDerivedInputRun { run in inputs += run }
        return inputs
    }

    /// Every stored session's derived input, given to `body` a run of up to 4,096 at a time (or 16 MB of stored
    /// bytes), decoded on every core; `body` may take them out of the run. In the table's order, or with
    /// `inDateOrder` by date then id (SQLite's byte order). Reading them a run at a time lets a caller keep only
    /// what it needs of each (fetching every blob first held 74 MB more at 50,000 notes). One stored before this
    /// format, or by an index older than schema v6, is made from the session's JSON and stored for the next time.
    /// In date order during a first write, they are the inputs the batch kept (`IndexBatch.takeKeptInputs`).
    public func forEachDerivedInputRun(inDateOrder: Bool = false, _ body: (inout [DerivedInput]) throws -> Void) throws {
        if inDateOrder, var kept = batch?.takeKeptInputs(), var ordered = try inStoredOrder(taking: &kept) {
            for start in stride(from: 0, to: ordered.count, by: 4096) {
                let end = min(start + 4096, ordered.count)
                var run = ordered[start..<end].map { $0! }
                for i in start..<end { ordered[i] = nil }  // held by the run alone, for `body` to take
                try body(&run)
            }
            return
        }
        let strings = SharedStrings()
        // Made again from their sessions: stored once the cursor is done (not under it).
        var remade: [(id: String, bytes: [UInt8])] = []
        let sql = "SELECT derived, id FROM session" + (inDateOrder ? " ORDER BY date, id" : "")
        try Index.forEachRun(db, sql: sql, key: { $0[1] as String }) { blobs, ids in
            var made = try Parallel.map(blobs, inRunsOf: 64) { run in
                strings.withTable { table in run.map { $0.flatMap { DerivedInput(bytes: [UInt8]($0), strings: table) } } }
            }
            blobs = []  // decoded: let go before the run is used
            let missing = made.indices.filter { made[$0] == nil }
            if !missing.isEmpty {
                let jsons = try missing.map { try Data.fetchOne(db, sql: "SELECT json FROM session WHERE id = ?", arguments: [ids[$0]]) }
                let rebuilt = try Parallel.map(jsons, inRunsOf: 64) { part in try part.map { try $0.map { DerivedInput(try Index.decode($0)) } } }
                for (position, input) in zip(missing, rebuilt) {
                    guard let input else { continue }
                    remade.append((ids[position], input.bytes()))
                    made[position] = input
                }
            }
            var run = made.compactMap { $0 }
            made = []
            try body(&run)
        }
        let update = try db.makeStatement(sql: "UPDATE session SET derived = ? WHERE id = ?")
        for (id, bytes) in remade { try update.execute(arguments: [Data(bytes), id]) }
    }
}

extension IndexTransaction {
    /// `inputs`, moved out (so that each is held once), in the session table's date-then-id order, when they
    /// are the stored sessions' inputs exactly (one for each stored session, none other); nil otherwise.
    private func inStoredOrder(taking inputs: inout [DerivedInput]) throws -> [DerivedInput?]? {
        defer { inputs = [] }
        let ids = try String.fetchAll(db, sql: "SELECT id FROM session ORDER BY date, id")
        guard ids.count == inputs.count else { return nil }
        var position: [String: Int] = [:]
        position.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() { position[id] = i }
        var ordered = [DerivedInput?](repeating: nil, count: ids.count)
        for input in inputs {
            guard let at = position[input.id], ordered[at] == nil else { return nil }
            ordered[at] = input
        }
        return ordered
    }
}

extension Index {
    /// Runs raw SQL; for tests that simulate damage (never called with user input).
    package func debugExecute(_ sql: String) throws {
        try writer.write { db in try db.execute(sql: sql) }
    }
}
