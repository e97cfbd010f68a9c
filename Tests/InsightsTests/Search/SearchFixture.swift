import Foundation
import Testing
import InsightsCore
import InsightsMarkdown
import InsightsStore

/// An in-memory index of the reference note, the ggltcg corpus series and the shipped journal (21 sessions).
enum SearchFixture {
    static let ggltcg = [
        "notes/ggltcg/RETROSPECTIVE.md", "notes/ggltcg/SESSION_HANDOFF_2026_01_07.md",
        "notes/ggltcg/SESSION_HANDOFF_2026_03_07.md", "notes/ggltcg/SESSION_NOTES_2025-11-10.md",
        "notes/ggltcg/SESSION_NOTES_2025-11-20.md", "notes/ggltcg/SESSION_NOTES_2025-11-21.md",
        "notes/ggltcg/SESSION_NOTES_2025-11-25_ARCHER.md",
    ]

    /// Built once and shared (searches only read it).
    static let shared: Result<Index, any Error> = Result { try build() }

    static func index() throws -> Index { try shared.get() }

    static func build() throws -> Index {
        let parser = NoteParser()
        var stored: [StoredSession] = []
        func add(_ text: String, _ name: String) {
            let s = parser.session(from: text, fileName: name)
            stored.append(StoredSession(session: s, file: s.id + ".md"))
        }
        add(try Corpus.text(Corpus.seed), "SESSION_INSIGHTS-2025-12-17.md")
        for path in ggltcg { add(try Corpus.text(path), (path as NSString).lastPathComponent) }
        let journal = Corpus.repo.appendingPathComponent("journal")
        for name in try FileManager.default.contentsOfDirectory(atPath: journal.path).sorted() where name.hasSuffix(".md") {
            add(try String(contentsOf: journal.appendingPathComponent(name), encoding: .utf8), name)
        }
        let index = try Index.inMemory()
        try index.write(sessions: stored)
        return index
    }

    static let seedID = "2025-12-17-session-insights"
}
