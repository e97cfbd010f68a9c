import Foundation
import Testing
import InsightsCore
import InsightsMarkdown
@testable import InsightsStore

/// `insights_bm25` gives FTS5's bm25 scores, reading lengths from the packed array when it is current.
@Suite("Search rank function", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct RankFunctionTests {
    let index: Index
    init() throws { index = try SearchFixture.index() }

    /// (rowid, built-in bm25, insights_bm25) for every match of `pattern`, passing `lengths` as the array.
    func scores(_ pattern: String, lengths: Data?, passesMatches: Bool = false) throws -> [(Int64, Double, Double)] {
        try index.writer.read { db in
            let sql = { (expression: String) in "SELECT \(expression) FROM item_fts WHERE item_fts MATCH ? ORDER BY rowid" }
            let ids = try Int64.fetchAll(db, sql: sql("rowid"), arguments: [pattern])
            let builtIn = try Double.fetchAll(db, sql: sql("bm25(item_fts, 8.0, 1.0)"), arguments: [pattern])
            // With the match count too, as a search past its window passes it (used for one-phrase queries).
            let matches = passesMatches ? ids.count : nil
            let ours = try Double.fetchAll(db, sql: sql("insights_bm25(item_fts, 8.0, 1.0, ?, ?)"), arguments: [lengths, matches, pattern])
            return ids.indices.map { (ids[$0], builtIn[$0], ours[$0]) }
        }
    }

    func currentLengths() throws -> Data? {
        try index.writer.read { db in try Data.fetchOne(db, sql: RankLengths.currentSQL) }
    }

    @Test("the same score as bm25() for every match", arguments: [
        "migration", "orchestrator delegating", "migrat*", "\"security headers\"", "compaction OR bypassed",
        "archon NOT task", "{title}: orchestrator", "card",
    ])
    func sameAsBM25(pattern: String) throws {
        let lengths = try #require(try currentLengths(), "every write stores the array for its generation")
        let rows = try scores(pattern, lengths: lengths)
        #expect(!rows.isEmpty, "\(pattern) matches nothing in the fixture")
        for (id, builtIn, ours) in rows {
            #expect(abs(builtIn - ours) <= 1e-12 * max(1, abs(builtIn)), "\(pattern), row \(id): \(builtIn) vs \(ours)")
        }
        // Without the array the function asks FTS5 for each length: still the same scores.
        for (id, builtIn, ours) in try scores(pattern, lengths: nil) {
            #expect(abs(builtIn - ours) <= 1e-12 * max(1, abs(builtIn)), "no array, row \(id)")
        }
        // Given the number of matches, a one-phrase query takes it as the phrase's document count.
        for (id, builtIn, ours) in try scores(pattern, lengths: lengths, passesMatches: true) {
            #expect(abs(builtIn - ours) <= 1e-12 * max(1, abs(builtIn)), "with the match count, row \(id)")
        }
    }

    @Test("lengths come from the array: a wrong array changes the scores")
    func arrayIsRead() throws {
        let lengths = try #require(try currentLengths())
        let wrong = Data(repeating: 1, count: lengths.count)  // every item 257 tokens long
        let rows = try scores("migration", lengths: wrong)
        #expect(rows.contains { abs($0.1 - $0.2) > 1e-6 })
    }

    @Test("the match count is read: a wrong count changes a one-phrase query's scores, not a two-phrase one's")
    func matchCountIsRead() throws {
        let lengths = try currentLengths()
        func differs(_ pattern: String) throws -> Bool {
            try index.writer.read { db in
                let builtIn = try Double.fetchAll(db, sql: "SELECT bm25(item_fts, 8.0, 1.0) FROM item_fts WHERE item_fts MATCH ? ORDER BY rowid", arguments: [pattern])
                let ours = try Double.fetchAll(db, sql: "SELECT insights_bm25(item_fts, 8.0, 1.0, ?, 1) FROM item_fts WHERE item_fts MATCH ? ORDER BY rowid", arguments: [lengths, pattern])
                return zip(builtIn, ours).contains { abs($0 - $1) > 1e-9 }
            }
        }
        #expect(try differs("migration"))
        #expect(try !differs("orchestrator delegating"))
    }

    @Test("the array covers every item, written for the current generation")
    func arrayCoversItems() throws {
        let (items, highest, generation, stored) = try index.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM item") ?? 0,
             try Int64.fetchOne(db, sql: "SELECT max(id) FROM item") ?? 0,
             try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'generation'"),
             try String.fetchOne(db, sql: "SELECT generation FROM fts_lengths"))
        }
        let lengths = try #require(try currentLengths())
        #expect(items > 100)
        #expect(lengths.count == Int(highest + 1) * 2)
        #expect(stored == generation)
        let covered = lengths.withUnsafeBytes { raw in
            (0...highest).filter { RankLengths.length(of: $0, in: raw.baseAddress, bytes: raw.count) >= 0 }.count
        }
        #expect(covered == items)
    }

    @Test("FTS5's varints are summed: one byte, two bytes, nine bytes")
    func varints() {
        func total(_ bytes: [UInt8]) -> Int { bytes.withUnsafeBytes { RankLengths.totalTokens($0) } }
        #expect(total([3, 12]) == 15)
        #expect(total([0x81, 0x00, 5]) == 128 + 5)          // 0x81 0x00 = 1 << 7
        #expect(total([0x82, 0x2C]) == 2 * 128 + 44)
        #expect(total([]) == 0)
        #expect(RankLengths.length(of: 5, in: nil, bytes: 0) == -1)
    }
}

/// An index written before schema v5 is searched read-only as it is, and given its lengths when opened to write.
@Suite("Search rank lengths: older index", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct RankLengthsMigrationTests {
    @Test("a v4 index: read-only search works without the array; opening it to write adds the array")
    func olderIndex() throws {
        let folder = try TempDir()
        let path = folder.path + "/index.sqlite"
        let session = NoteParser().session(from: try Corpus.text(Corpus.seed), fileName: "SESSION_INSIGHTS-2025-12-17.md")
        do {
            let index = try Index.open(at: path)
            try index.write(sessions: [StoredSession(session: session, file: "seed.md")])
            // Back to v4: what an older insights wrote.
            try index.writer.write { db in
                try db.execute(sql: "DROP TABLE fts_lengths; DELETE FROM grdb_migrations WHERE identifier = 'v5-rank-lengths'")
            }
        }
        let reader = try Index.open(at: path, readOnly: true)
        #expect(!reader.hasRankLengths)
        let old = try reader.search(SearchQuery("orchestrator"))
        #expect(old.total >= 3)
        #expect(old.hits.first?.title == "Orchestrator Executed Instead of Delegating")

        let writer = try Index.open(at: path)
        #expect(writer.hasRankLengths)
        let stored = try writer.writer.read { db in try Int.fetchOne(db, sql: "SELECT length(lengths) FROM fts_lengths") }
        #expect((stored ?? 0) > 0)
        #expect(try writer.search(SearchQuery("orchestrator")).hits.map(\.score) == old.hits.map(\.score))
    }
}
