import Foundation
import Testing
import InsightsCore
import InsightsMarkdown
@testable import InsightsStore

/// The FTS5 index stays compact across many small writes (each write adds a segment a search must seek).
@Suite("Search index segments", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct SearchSegmentTests {
    @Test("twelve one-note writes leave at most four segments, and search still finds every note")
    func compactAfterWrites() throws {
        let index = try Index.inMemory()
        let text = try Corpus.text(Corpus.seed)
        for n in 1...12 {
            // The same note under twelve names and dates: twelve transactions, twelve new segments unmerged.
            var s = NoteParser().session(from: text, fileName: "SESSION_INSIGHTS-2025-12-17.md")
            s.id = "copy-\(n)"
            try index.write(sessions: [StoredSession(session: s, file: s.id + ".md")])
            let segments = try index.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM item_fts_idx") ?? 0
            }
            #expect(segments <= Index.maxSearchSegments, "after write \(n): \(segments) segments")
        }
        let r = try index.search(SearchQuery("orchestrator delegating", perSession: nil))
        #expect(r.total > 0 && r.total % 12 == 0)
        #expect(Set(r.hits.map(\.sessionID)) == Set((1...12).map { "copy-\($0)" }))
    }
}
