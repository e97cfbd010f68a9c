import Foundation
import GRDB
import Testing
import InsightsCore
@testable import InsightsStore
@testable import InsightsCLI

/// Read commands open the index through one read-only connection (`Index.openReader`): it cannot write, it sees
/// what a writer commits after it was opened, and an index an older insights wrote is migrated first.
@Suite("Index readers")
struct IndexReaderTests {
    let note = IngestBehaviourTests().note

    func ingest(_ journal: Journal, _ path: String) throws {
        let report = try Ingester(journal: journal, vocabulary: .default, today: "2026-11-25")
            .ingest(InputReader.read([path], isLossy: false), isDryRun: false)
        #expect(report.added == 1)
    }

    @Test("a reader cannot write, and sees what a writer commits after it was opened")
    func readOnly() throws {
        let dir = try TempDir()
        let journal = Journal(path: dir.path + "/j")
        try ingest(journal, try dir.write("in/billing.md", note))
        let reader = try journal.openIndex(readOnly: true)
        #expect(throws: (any Error).self) { try reader.write(sessions: []) { _ in } }
        try ingest(journal, try dir.write("in/later.md", note.replacingOccurrences(of: "2026-03-02", with: "2026-03-09")))
        #expect(try reader.sessionIDs().sorted() == ["2026-03-02-billing-migration", "2026-03-09-billing-migration"])
        #expect(try reader.search(SearchQuery("history")).total == 4)
        // A snapshot of a reader's index holds one content while the index moves on.
        let snapshot = try reader.snapshot()
        try ingest(journal, try dir.write("in/third.md", note.replacingOccurrences(of: "2026-03-02", with: "2026-03-16")))
        #expect(try snapshot.sessionIDs().count == 2)
        #expect(try reader.sessionIDs().count == 3)
    }

    @Test("a reader of an index an older insights wrote migrates it first; one from a newer insights is refused")
    func versions() throws {
        let dir = try TempDir()
        let journal = Journal(path: dir.path + "/j")
        try ingest(journal, try dir.write("in/billing.md", note))
        // Undo the last migration, as an index written before it would be.
        let last = try #require(Schema.migrationNames.last)
        #expect(last == "v6-derived-inputs")
        try DatabaseQueue(path: journal.indexPath).write { db in
            try db.execute(sql: "ALTER TABLE session DROP COLUMN derived")
            try db.execute(sql: "ALTER TABLE task DROP COLUMN digest")
            try db.execute(sql: "ALTER TABLE failure DROP COLUMN digest")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [last])
        }
        let reader = try journal.openIndex(readOnly: true)
        #expect(try reader.sessionIDs() == ["2026-03-02-billing-migration"])
        let applied = try DatabaseQueue(path: journal.indexPath).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(applied == Schema.migrationNames.sorted())

        try DatabaseQueue(path: journal.indexPath).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99-future')")
        }
        #expect { _ = try journal.openIndex(readOnly: true) } throws: { "\($0)".contains("newer insights") }
    }
}
