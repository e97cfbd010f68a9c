import Foundation
import InsightsCore
import InsightsMarkdown
@testable import InsightsStore

/// `insights-bench store DIR [ROUNDS]`: what an ingest makes of each parsed note before it is inserted (its
/// stored JSON, its work items' comparable words, its failure candidates, its derived input's bytes, its
/// search rows), each part timed alone on one core over every note of DIR (best of ROUNDS), with a digest of
/// what each made: an optimisation must leave the digests as they were.
enum StoreBench {
    static func run(folder: String, rounds: Int) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
        let parser = NoteParser()
        var sessions: [Session] = []
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let entries = parser.entrySessions(from: text, fileName: name, mode: .auto)
            sessions += entries.isEmpty ? [parser.session(from: text, fileName: name, fallbackDate: "2026-01-01")] : entries
        }
        func part(_ name: String, _ make: (Session) throws -> [UInt8]) rethrows {
            var best = Double.infinity
            var digest: [UInt8] = []
            for _ in 0..<max(1, rounds) {
                var all: [UInt8] = []
                best = min(best, try Bench.seconds { for s in sessions { all += try make(s) } })
                digest = all
            }
            print(String(format: "%-12@ %.3f s  %@", name, best, String(SHA256.hex(digest).prefix(16))))
        }
        print("\(sessions.count) sessions from \(names.count) notes")
        try part("json") { [UInt8](try StoredJSON.encode($0)) }
        part("task words") { s in
            let input = TaskInput(s)
            return Array((input.remaining.flatMap { $0.forms.full + ($0.forms.head ?? ["-"]) }
                          + input.completed.flatMap { $0.forms.full + ($0.forms.head ?? ["-"]) }).joined(separator: " ").utf8)
        }
        part("candidates") { s in Array(FailureCandidates.from(s).map { $0.text }.joined(separator: "\n").utf8) }
        part("derived") { DerivedInput($0).bytes() }
        part("search rows") { s in Array(SearchRows.rows(for: s).map { $0.title + "\u{1}" + $0.body }.joined(separator: "\n").utf8) }
    }
}
