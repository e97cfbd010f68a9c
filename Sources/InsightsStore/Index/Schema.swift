import GRDB

/// Every schema change, in order. Migrations are named and append-only: never edit one after release.
enum Schema {
    /// The schema version this build writes; an index with a later version was made by a newer insights.
    static let migrationNames = ["v1-sessions-items-fts", "v2-session-entries", "v3-generation", "v4-session-keys", "v5-rank-lengths",
                                 "v6-derived-inputs"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-sessions-items-fts") { db in
            try db.create(table: "session") { t in
                t.primaryKey("id", .text)
                t.column("title", .text).notNull()
                t.column("date", .text).notNull()
                t.column("source", .text).notNull()
                t.column("file", .text).notNull().unique()
                t.column("hash", .text).notNull().indexed()
                t.column("tags", .text).notNull()
                t.column("json", .blob).notNull()
            }
            try db.create(index: "session_date", on: "session", columns: ["date"])
            try db.create(table: "item") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("session_id", .text).notNull().references("session", onDelete: .cascade).indexed()
                t.column("kind", .text).notNull()
                t.column("ordinal", .integer).notNull()
                t.column("title", .text).notNull()
                t.column("body", .text).notNull()
                t.column("line", .integer).notNull()
                t.column("date", .text).notNull()
                t.column("priority", .text)
                t.column("priority_rank", .integer)
                t.column("status", .text)
                t.column("category", .text)
                t.column("tags", .text).notNull()
            }
            try db.create(index: "item_kind_date", on: "item", columns: ["kind", "date"])
            // Title and body, stemmed (porter over unicode61, diacritics removed), kept in sync by triggers.
            try db.create(virtualTable: "item_fts", using: FTS5()) { t in
                t.synchronize(withTable: "item")
                t.tokenizer = .porter(wrapping: .unicode61(diacritics: .remove))
                t.column("title")
                t.column("body")
            }
            try db.create(virtualTable: "item_vocab", using: "fts5vocab(item_fts, 'row')")
            try db.create(table: "task") { t in
                t.primaryKey("id", .text)
                t.column("title", .text).notNull()
                t.column("status", .text).notNull()
                t.column("priority_rank", .integer)
                t.column("last_seen", .text).notNull()
                t.column("json", .blob).notNull()
            }
            try db.create(table: "failure") { t in
                t.primaryKey("id", .text)
                t.column("title", .text).notNull()
                t.column("sessions", .integer).notNull()
                t.column("last_seen", .text).notNull()
                t.column("json", .blob).notNull()
            }
        }
        // Entries of one multi-entry log share its journal file: `file` is no longer unique, and each such
        // session records the lines it spans. SQLite cannot drop a UNIQUE constraint, so the table is rebuilt
        // (GRDB runs migrations with foreign keys off, so the items survive the swap).
        migrator.registerMigration("v2-session-entries") { db in
            try db.create(table: "session_v2") { t in
                t.primaryKey("id", .text)
                t.column("title", .text).notNull()
                t.column("date", .text).notNull()
                t.column("source", .text).notNull()
                t.column("file", .text).notNull()
                t.column("hash", .text).notNull()
                t.column("tags", .text).notNull()
                t.column("json", .blob).notNull()
                t.column("entry_start", .integer)
                t.column("entry_end", .integer)
            }
            try db.execute(sql: """
                INSERT INTO session_v2(id, title, date, source, file, hash, tags, json)
                SELECT id, title, date, source, file, hash, tags, json FROM session
                """)
            try db.drop(table: "session")
            try db.rename(table: "session_v2", to: "session")
            try db.create(index: "session_date", on: "session", columns: ["date"])
            try db.create(index: "session_file", on: "session", columns: ["file"])
            try db.create(index: "session_hash", on: "session", columns: ["hash"])
        }
        // A token replaced by every write, so a reader can tell "nothing changed since I last looked" without
        // reading the index (a no-change `insights build` compares it and stops).
        migrator.registerMigration("v3-generation") { db in
            try db.create(table: "meta", options: [.withoutRowID]) { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        // What an ingest reads to decide what changed (`Index.sessionKeys`), covered by one index: reading it
        // from the table walked every session's JSON (300 MB at 50,000 notes, 5.5 s and 530 MB of mapped pages
        // to re-ingest nothing).
        migrator.registerMigration("v4-session-keys") { db in
            try db.create(index: "session_keys", on: "session",
                          columns: ["id", "file", "hash", "title", "date", "source", "entry_start"])
        }
        // Each item's length in tokens, packed, for the search's rank function (`RankLengths`); written now for
        // the current content, then by every write.
        migrator.registerMigration("v5-rank-lengths") { db in
            try db.create(table: "fts_lengths") { t in
                t.column("generation", .text).notNull()
                t.column("lengths", .blob).notNull()
            }
            if let token = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'generation'") {
                try RankLengths.refresh(db, generation: token)
            }
        }
        // What tasks and failures are computed from, per session (`DerivedInput`, compact bytes; NULL until an
        // older index's sessions are next read for a recompute), and a digest of each task's and failure's
        // value, so a recompute rewrites only the rows that changed.
        migrator.registerMigration("v6-derived-inputs") { db in
            try db.alter(table: "session") { t in t.add(column: "derived", .blob) }
            try db.alter(table: "task") { t in t.add(column: "digest", .text) }
            try db.alter(table: "failure") { t in t.add(column: "digest", .text) }
        }
        return migrator
    }
}
