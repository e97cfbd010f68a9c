import Foundation
import GRDB
import InsightsCore

extension IndexTransaction {
    /// Replaces every stored task.
    public func replaceTasks(_ tasks: [TrackedTask]) throws {
        try db.execute(sql: "DELETE FROM task")
        let json = try Self.encoded(tasks)
        // A prepared statement, finalized here: a cached one would keep its last blob argument alive.
        let insert = try db.makeStatement(sql: "INSERT INTO task(id, title, status, priority_rank, last_seen, json) VALUES (?, ?, ?, ?, ?, ?)")
        for (t, data) in zip(tasks, json) {
            try insert.execute(arguments: [t.id, t.title, t.status.rawValue, t.priorityRank, t.lastSeen, data])
        }
    }

    /// Replaces every stored failure cluster.
    public func replaceFailures(_ clusters: [FailureCluster]) throws {
        try db.execute(sql: "DELETE FROM failure")
        let json = try Self.encoded(clusters)
        let insert = try db.makeStatement(sql: "INSERT INTO failure(id, title, sessions, last_seen, json) VALUES (?, ?, ?, ?, ?)")
        for (c, data) in zip(clusters, json) {
            try insert.execute(arguments: [c.id, c.title, c.sessions, c.lastSeen, data])
        }
    }

    /// Each value's JSON (sorted keys), encoded on every core: at 10,000 notes encoding 50,000 tasks was a
    /// second of a one-note ingest.
    static func encoded<T: Encodable & Sendable>(_ values: [T]) throws -> [Data] {
        try Parallel.map(values, inRunsOf: 512) { run in
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return try run.map { try encoder.encode($0) }
        }
    }
}

extension Index {
    /// Every task, by priority (none last), then oldest first.
    public func tasks() throws -> [TrackedTask] {
        try writer.read { db in
            try Data.fetchAll(db, sql: "SELECT json FROM task ORDER BY coalesce(priority_rank, 9), id").map {
                try JSONDecoder().decode(TrackedTask.self, from: $0)
            }
        }
    }

    /// One task by id, or nil.
    public func task(id: String) throws -> TrackedTask? {
        try writer.read { db in
            try Data.fetchOne(db, sql: "SELECT json FROM task WHERE id = ?", arguments: [id]).map {
                try JSONDecoder().decode(TrackedTask.self, from: $0)
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
        try writer.read { db in
            try Data.fetchAll(db, sql: "SELECT json FROM failure ORDER BY sessions DESC, last_seen DESC, id").map {
                try JSONDecoder().decode(FailureCluster.self, from: $0)
            }
        }
    }

    /// One failure cluster by id, or nil.
    public func failure(id: String) throws -> FailureCluster? {
        try writer.read { db in
            try Data.fetchOne(db, sql: "SELECT json FROM failure WHERE id = ?", arguments: [id]).map {
                try JSONDecoder().decode(FailureCluster.self, from: $0)
            }
        }
    }
}
