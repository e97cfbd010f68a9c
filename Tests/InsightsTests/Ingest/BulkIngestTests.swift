import Foundation
import GRDB
import Testing
import InsightsCore
@testable import InsightsStore
@testable import InsightsCLI

/// A large first ingest indexes the search text once at the end: the same index as item by item.
@Suite("Bulk ingest")
struct BulkIngestTests {
    func corpusJournal(bulkNotes: Int) throws -> (TempDir, Journal) {
        let root = try #require(Corpus.root, "../shared/corpus/ is absent")
        let files = (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted().map { root.appendingPathComponent($0).path }
        let dir = try TempDir()
        let journal = Journal(path: dir.path + "/journal")
        var ingester = Ingester(journal: journal, vocabulary: .default, today: "2026-11-25")
        ingester.bulkNotes = bulkNotes
        let report = try ingester.ingest(InputReader.read(files, isLossy: false), isDryRun: false)
        // One corpus note is empty (reported, not indexed).
        #expect(report.failed == 1 && report.added > 50)
        return (dir, journal)
    }

    @Test("searches, scores and the full-text index are the same; the triggers are back")
    func sameIndex() throws {
        let (d1, bulk) = try corpusJournal(bulkNotes: 1)
        let (d2, oneByOne) = try corpusJournal(bulkNotes: .max)
        // Past the first batch of 32 notes, indexed item by item: the rebuild at the end covers them too.
        let (d3, midway) = try corpusJournal(bulkNotes: 40)
        defer { withExtendedLifetime((d1, d2, d3)) {} }
        let a = try bulk.openIndex(readOnly: true), b = try oneByOne.openIndex(readOnly: true)
        let c = try midway.openIndex(readOnly: true)
        for query in ["migration", "security headers", "test*", "orchestrator OR compaction", "session NOT migration"] {
            let x = try a.search(SearchQuery(query, limit: 50)), y = try b.search(SearchQuery(query, limit: 50))
            let z = try c.search(SearchQuery(query, limit: 50))
            #expect(!x.hits.isEmpty, "\(query)")
            #expect(x.hits.map(\.title) == y.hits.map(\.title), "\(query)")
            #expect(x.hits.map(\.score) == y.hits.map(\.score), "\(query)")
            #expect(z.hits.map(\.title) == y.hits.map(\.title) && z.hits.map(\.score) == y.hits.map(\.score), "\(query)")
        }
        for (index, isRebuilt) in [(a, true), (b, false), (c, true)] {
            let (triggers, check, hashSize) = try index.writer.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'item'"),
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM item_fts_idx"),
                 try Int.fetchOne(db, sql: "SELECT v FROM item_fts_config WHERE k = 'hashsize'"))
            }
            #expect(triggers == 3)
            #expect((check ?? 0) > 0)
            #expect(hashSize == (isRebuilt ? IndexBatch.searchHashSize : nil), "a rebuild holds 8 MB of terms before writing a segment")
        }
        try bulk.openIndex().debugExecute("INSERT INTO item_fts(item_fts) VALUES('integrity-check')")
        // A later, small ingest keeps the index in step item by item, through the restored triggers.
        let seedPath = try Corpus.path(Corpus.seed)
        var edited = try String(contentsOfFile: seedPath, encoding: .utf8)
        edited += "\n\n## Next Steps\n- Zanzibar quokka follow-up\n"
        let path = d1.path + "/SESSION_INSIGHTS-2025-12-17.md"
        try edited.write(toFile: path, atomically: false, encoding: .utf8)
        _ = try Ingester(journal: bulk, vocabulary: .default, today: "2026-11-25").ingest(InputReader.read([path], isLossy: false), isDryRun: false)
        #expect(try bulk.openIndex(readOnly: true).search(SearchQuery("quokka")).hits.count == 1)
    }
}
