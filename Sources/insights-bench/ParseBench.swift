import Foundation
import InsightsCore
import InsightsMarkdown

/// `insights-bench parse DIR [ROUNDS]`: every note of DIR read, parsed and extracted on one core, ROUNDS times
/// (best round printed, so another process on the machine shows less), with a digest of every session's JSON:
/// an optimisation of extraction must leave the digest as it was.
enum ParseBench {
    static func run(folder: String, rounds: Int) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
        let texts = try names.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let parser = NoteParser()
        var best = Double.infinity
        var sessions: [Session] = []
        for _ in 0..<max(1, rounds) {
            sessions = []
            let time = Bench.seconds {
                for (name, text) in zip(names, texts) {
                    let entries = parser.entrySessions(from: text, fileName: name, mode: .auto)
                    if entries.isEmpty {
                        sessions.append(parser.session(from: text, fileName: name, fallbackDate: "2026-01-01"))
                    } else {
                        sessions += entries
                    }
                }
            }
            best = min(best, time)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var all: [UInt8] = []
        for s in sessions { all += (try? encoder.encode(s)).map { [UInt8]($0) } ?? [] }
        let mb = Double(bytes) / 1_048_576
        print(String(format: "%d notes, %.1f MB: %.3f s on one core (%.1f MB/s), sessions %@", names.count, mb, best, mb / best,
                     String(SHA256.hex(all).prefix(16))))
    }
}
