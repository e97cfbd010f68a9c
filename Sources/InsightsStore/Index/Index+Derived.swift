import Foundation
import GRDB
import InsightsCore

extension IndexTransaction {
    /// Makes the task table hold exactly `tasks`: rows whose value is unchanged (same digest) are left alone,
    /// so one new note rewrites only the tasks it touched.
    public func replaceTasks(_ tasks: [TrackedTask]) throws {
        try replaceTasks { write in try write(tasks) }
    }

    /// `replaceTasks(_:)` with the tasks given a run at a time: `produce` calls `write` with each run (any order,
    /// each task once), so they need never all be held.
    public func replaceTasks(inRuns produce: (_ write: ([TrackedTask]) throws -> Void) throws -> Void) throws {
        // A task mentioned a thousand times is a megabyte of JSON: 32 a core at a time.
        try replace(table: "task", id: \.id, perCore: 32,
                    insert: "INSERT OR REPLACE INTO task(id, title, status, priority_rank, last_seen, json, digest) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    bind: { row, t, json, digest in
                        row.bind(t.id); row.bind(t.title); row.bind(t.status.rawValue); row.bind(t.priorityRank)
                        row.bind(t.lastSeen); row.bind(json); row.bind(digest)
                    },
                    values: produce)
    }

    /// Makes the failure table hold exactly `clusters` (see `replaceTasks`).
    public func replaceFailures(_ clusters: [FailureCluster]) throws {
        try replaceFailures { write in try write(clusters) }
    }

    /// `replaceFailures(_:)` with the clusters given a run at a time (see `replaceTasks(inRuns:)`).
    public func replaceFailures(inRuns produce: (_ write: ([FailureCluster]) throws -> Void) throws -> Void) throws {
        try replace(table: "failure", id: \.id, perCore: 128,
                    insert: "INSERT OR REPLACE INTO failure(id, title, sessions, last_seen, json, digest) VALUES (?, ?, ?, ?, ?, ?)",
                    bind: { row, c, json, digest in
                        row.bind(c.id); row.bind(c.title); row.bind(c.sessions); row.bind(c.lastSeen); row.bind(json); row.bind(digest)
                    },
                    values: produce)
    }

    /// Makes `table` hold exactly the values `values` gives (a run at a time): writes those that are new or whose
    /// JSON changed (its digest differs), then deletes the rows whose id was not given. `bind` binds a row's
    /// values in the insert's column order (straight through SQLite: GRDB's argument conversion was half the
    /// time of writing a task).
    private func replace<T: Encodable & Sendable>(table: String, id: @escaping (T) -> String, perCore: Int, insert: String,
                                                 bind: @escaping (inout RawInsert, T, Data, String) -> Void,
                                                 values: (_ write: ([T]) throws -> Void) throws -> Void) throws {
        var stored: [String: String?] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, digest FROM \(table)") { stored[row[0]] = row[1] as String? }
        var current = Set<String>()
        // A prepared statement, finalized here (its values are copied in and cleared after each row).
        var write = RawInsert(try db.makeStatement(sql: insert), sql: insert, db: db)
        // Encoded and written `perCore` values per core at a time: every task's JSON at once was 67 MB at 50,000
        // generated notes. Each part is encoded (and digested) on every core while the part before it is
        // written on this thread: one after the other, this thread wrote while the other cores idled (a third
        // of writing the tasks of 10,000 notes).
        let step = perCore * max(1, ProcessInfo.processInfo.activeProcessorCount)
        var previous: (values: ArraySlice<T>, encoded: Background<[(json: Data, digest: String)]>)?
        func writePrevious() throws {
            guard let (part, encoded) = previous else { return }
            previous = nil
            for (value, (json, digest)) in zip(part, try encoded.value()) {
                let key = id(value)
                current.insert(key)
                if (stored[key] ?? nil) != digest { bind(&write, value, json, digest); try write.step() }
            }
        }
        try values { run in
            for start in stride(from: 0, to: run.count, by: step) {
                let part = run[start..<min(start + step, run.count)]
                let encoded = Background { try Self.encoded(Array(part)).map { (json: $0, digest: ValueDigest.of(json: $0)) } }
                try writePrevious()
                previous = (values: part, encoded: encoded)
            }
        }
        try writePrevious()
        let delete = try db.makeStatement(sql: "DELETE FROM \(table) WHERE id = ?")
        for old in stored.keys where !current.contains(old) { try delete.execute(arguments: [old]) }
    }

    /// Each value's JSON (`StoredJSON`), encoded on every core, up to 16 values a run (fewer, so that a few values
    /// still spread over the cores).
    static func encoded<T: Encodable & Sendable>(_ values: [T]) throws -> [Data] {
        try Parallel.map(values, inRunsOf: min(16, max(1, values.count / max(1, ProcessInfo.processInfo.activeProcessorCount)))) { run in
            try run.map(StoredJSON.encode)
        }
    }
}

extension Index {
    /// Every task, by priority (none last), then oldest first.
    public func tasks() throws -> [TrackedTask] {
        try decodedRows(sql: "SELECT json FROM task ORDER BY coalesce(priority_rank, 9), id", as: TrackedTask.self)
    }

    /// The JSON of each row `sql` selects, decoded on every core (a site build at 2,000 notes read 5 MB of tasks
    /// and failures) 4,096 rows at a time: fetching every row first held the whole table's JSON beside what it
    /// decoded to (at 50,000 notes, 117 MB of sessions, 68 MB of tasks, 57 MB of failures). A run also ends at
    /// 16 MB of JSON (a task mentioned a thousand times is 1 MB).
    /// Equal strings of different rows are kept once per decoding thread (`SharedStrings`).
    func decodedRows<T: Decodable & Sendable>(sql: String, as type: T.Type) throws -> [T] {
        let strings = SharedStrings()
        return try reader.read { db in
            try Self.decodedInRuns(db, sql: sql) { run in
                try strings.withTable { table in try run.map { try StoredJSON.decode(T.self, from: $0 ?? Data(), strings: table) } }
            }
        }
    }

    /// The blob in the first column of each row `sql` selects, read through a cursor and decoded on every core
    /// by `decode` (a few dozen at a time), a run at a time (`forEachRun`), in row order.
    static func decodedInRuns<T: Sendable>(_ db: Database, sql: String,
                                           decode: @escaping @Sendable (ArraySlice<Data?>) throws -> [T]) throws -> [T] {
        var values: [T] = []
        try forEachRun(db, sql: sql, key: { _ in () }) { blobs, _ in values += try Parallel.map(blobs, inRunsOf: 64, decode) }
        return values
    }

    /// The rows `sql` selects, read through a cursor and given to `body` in runs of 4,096 rows or 16 MB of the
    /// blobs in their first column: each run's blobs (which `body` may let go of once decoded), and what `key`
    /// reads of each row (its other columns).
    static func forEachRun<Key>(_ db: Database, sql: String, key: (Row) -> Key,
                                _ body: (_ blobs: inout [Data?], _ keys: [Key]) throws -> Void) throws {
        var blobs: [Data?] = []
        var keys: [Key] = []
        var bytes = 0
        func flush() throws {
            guard !blobs.isEmpty else { return }
            try body(&blobs, keys)
            blobs.removeAll(keepingCapacity: true); keys.removeAll(keepingCapacity: true); bytes = 0
        }
        let cursor = try Row.fetchCursor(db, sql: sql)
        while let row = try cursor.next() {
            let blob: Data? = row[0]
            blobs.append(blob); keys.append(key(row)); bytes += blob?.count ?? 0
            if blobs.count == 4096 || bytes >= 16 << 20 { try flush() }
        }
        try flush()
    }

    /// One task by id, or nil.
    public func task(id: String) throws -> TrackedTask? {
        try writer.read { db in
            try Data.fetchOne(db, sql: "SELECT json FROM task WHERE id = ?", arguments: [id]).map {
                try StoredJSON.decode(TrackedTask.self, from: $0)
            }
        }
    }

    /// The stored JSON of the tasks `insights tasks --json` lists (each as `TrackedTask` encodes it), in its
    /// order (priority, none last; then first seen; then id), without decoding: at 10,000 generated notes
    /// decoding and re-encoding 13 MB of mention history was nearly all of `tasks --json`'s 1.5 s.
    /// `statuses` nil: every status.
    public func taskJSON(statuses: [String]?, priorityRank: Int?) throws -> [Data] {
        var sql = "SELECT json FROM task WHERE 1"
        var arguments: StatementArguments = []
        if let statuses {
            sql += " AND status IN (" + statuses.map { _ in "?" }.joined(separator: ", ") + ")"
            arguments += StatementArguments(statuses)
        }
        if let priorityRank { sql += " AND priority_rank = ?"; arguments += [priorityRank] }
        sql += " ORDER BY coalesce(priority_rank, 9), json_extract(json, '$.first_seen'), id"
        return try writer.read { db in try Data.fetchAll(db, sql: sql, arguments: arguments) }
    }

    /// The stored JSON of the failure clusters seen in at least `minSessions` sessions, in `failures()` order,
    /// without decoding (see `taskJSON`).
    public func failureJSON(minSessions: Int) throws -> [Data] {
        try writer.read { db in
            try Data.fetchAll(db, sql: "SELECT json FROM failure WHERE sessions >= ? ORDER BY sessions DESC, last_seen DESC, id",
                              arguments: [minSessions])
        }
    }

    /// Every failure cluster, most sessions first, then most recent.
    public func failures() throws -> [FailureCluster] {
        try decodedRows(sql: "SELECT json FROM failure ORDER BY sessions DESC, last_seen DESC, id", as: FailureCluster.self)
    }

    /// One failure cluster by id, or nil.
    public func failure(id: String) throws -> FailureCluster? {
        try writer.read { db in
            try Data.fetchOne(db, sql: "SELECT json FROM failure WHERE id = ?", arguments: [id]).map {
                try StoredJSON.decode(FailureCluster.self, from: $0)
            }
        }
    }
}
