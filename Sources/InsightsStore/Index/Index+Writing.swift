import Foundation
import GRDB
import InsightsCore

extension Index {
    /// Replaces the given sessions (matched by id) and removes `removing`, all in one transaction;
    /// `then` runs inside the same transaction (to recompute tasks and failures).
    public func write(sessions: consuming [StoredSession], removing: [String] = [],
                      then: ((IndexTransaction) throws -> Void)? = nil) throws {
        var pending = consume sessions
        try writing { batch in
            try batch.remove(removing)
            if pending.isEmpty && removing.isEmpty { batch.markChanged() }
            try batch.store(pending)
            pending = []  // released before `then` recomputes over every session
        } then: { tx in try then?(tx) }
    }

    /// Runs `body` inside one write transaction, with an `IndexBatch` that stores and removes sessions as the
    /// caller decides them (so an ingest never holds every parsed session: at 50,000 notes that was most of
    /// its memory). When the batch changed anything, `then` runs in the same transaction (tasks and failures
    /// are recomputed there), the search index is compacted and a new generation written, and it all commits
    /// at once; a batch that changed nothing commits nothing. A throw rolls everything back.
    public func writing(_ body: (IndexBatch) throws -> Void, then: (IndexTransaction) throws -> Void) throws {
        try writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                let batch = IndexBatch(db: db, path: path)
                try body(batch)
                guard batch.hasChanges else { return .rollback }
                try then(IndexTransaction(db: db, batch: batch))
                try batch.endBulk()  // unless `then` did (`IndexTransaction.finishSearchIndex`)
                try Self.compactSearchIndex(db)
                try Self.newGeneration(db)
                return .commit
            }
        }
    }

    /// The token of the index's current content: a new random value after every write, nil for an index
    /// written before there were tokens. Equal tokens mean equal content.
    public func generation() throws -> String? {
        try reader.read { db in
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
}
