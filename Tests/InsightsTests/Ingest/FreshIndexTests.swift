import Foundation
import GRDB
import Testing
import InsightsCore
@testable import InsightsStore
@testable import InsightsCLI

/// An ingest that starts from no sessions (a first ingest, a reindex) builds its index in a new file beside the
/// journal's, without a log, and puts it in place whole at the end.
@Suite("Fresh index builds")
struct FreshIndexTests {
    /// The billing-migration note of the ingest behaviour tests: one finding, a P0 item and one blocked by it.
    let note = IngestBehaviourTests().note

    func ingest(_ journal: Journal, _ paths: [String]) throws -> Ingester.Report {
        try Ingester(journal: journal, vocabulary: .default, today: "2026-11-25")
            .ingest(InputReader.read(paths, isLossy: false), isDryRun: false)
    }

    func journalMode(_ path: String) throws -> String? {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    }

    @Test("a first ingest puts a whole index in place, in WAL mode like any other, and leaves no building file")
    func firstIngest() throws {
        let dir = try TempDir()
        let journal = Journal(path: dir.path + "/j")
        let report = try ingest(journal, [try dir.write("in/billing.md", note)])
        #expect(report.added == 1)
        #expect(try journalMode(journal.indexPath) == "wal")
        #expect(!FileManager.default.fileExists(atPath: journal.indexFolder + "/" + Ingester.buildingIndex))
        let index = try journal.openIndex(readOnly: true)
        #expect(try index.sessionIDs() == ["2026-03-02-billing-migration"])
        #expect(try index.search(SearchQuery("history")).hits.count == 2)
        #expect(try index.tasks().map(\.title) == ["Repair migration history", "Backfill invoice numbers"])
        // A second ingest writes into that index as usual (through its log), beside what is there.
        let second = try ingest(journal, [try dir.write("in/later.md", note.replacingOccurrences(of: "2026-03-02", with: "2026-03-09"))])
        #expect(second.added == 1)
        #expect(try journal.openIndex(readOnly: true).sessionIDs().sorted()
                == ["2026-03-02-billing-migration", "2026-03-09-billing-migration"])
    }

    @Test("a first ingest that fails leaves the journal's index empty and whole, and removes what it built")
    func failedFirstIngest() throws {
        let dir = try TempDir()
        let journal = Journal(path: dir.path + "/j")
        try journal.create()
        // Unreadable pinned decisions: the ingest throws while tasks are recomputed, after storing the session.
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: journal.taskDecisionsPath))
        #expect(throws: StoreError.self) { _ = try ingest(journal, [try dir.write("in/billing.md", note)]) }
        #expect(!FileManager.default.fileExists(atPath: journal.indexFolder + "/" + Ingester.buildingIndex))
        #expect(try journal.openIndex(readOnly: true).sessionIDs().isEmpty)
        // Fixed, the same ingest goes through.
        try FileManager.default.removeItem(atPath: journal.taskDecisionsPath)
        #expect(try ingest(journal, [dir.path + "/in/billing.md"]).added == 1)
        #expect(try journal.openIndex(readOnly: true).sessionIDs() == ["2026-03-02-billing-migration"])
    }

    @Test("a build a kill left behind is replaced, not reused")
    func leftoverBuild() throws {
        let dir = try TempDir()
        let journal = Journal(path: dir.path + "/j")
        try journal.create()
        try Data("half an index".utf8).write(to: URL(fileURLWithPath: journal.indexFolder + "/" + Ingester.buildingIndex))
        #expect(try ingest(journal, [try dir.write("in/billing.md", note)]).added == 1)
        #expect(try journal.openIndex(readOnly: true).sessionIDs() == ["2026-03-02-billing-migration"])
        #expect(!FileManager.default.fileExists(atPath: journal.indexFolder + "/" + Ingester.buildingIndex))
    }

    @Test("an empty index that is damaged is reported with its fix, not replaced by a first ingest's build")
    func damagedEmptyIndex() throws {
        let dir = try TempDir()
        let journal = Journal(path: dir.path + "/j")
        _ = try journal.openIndex()
        // Damage a page the session table does not need (the failure table's root): the sessions still read as
        // none, and only the whole-file check sees it.
        let root = try DatabaseQueue(path: journal.indexPath).read { db in
            try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'failure'")
        }
        let page = try #require(root)
        let handle = try #require(FileHandle(forWritingAtPath: journal.indexPath))
        try handle.seek(toOffset: UInt64((page - 1) * 4096))
        handle.write(Data(repeating: 0xA5, count: 4096))
        try handle.close()
        #expect(try journal.openIndex(readOnly: true).sessionIDs().isEmpty)
        let path = try dir.write("in/billing.md", note)
        #expect(throws: StoreError.self) { _ = try ingest(journal, [path]) }
        #expect(!FileManager.default.fileExists(atPath: journal.indexFolder + "/" + Ingester.buildingIndex))
        // Still there, still damaged: the next ingest says so again.
        #expect(throws: StoreError.self) { _ = try ingest(journal, [path]) }
    }
}
