import Foundation
import InsightsCore
import InsightsMarkdown
@testable import InsightsCLI

/// A deterministic mutation fuzzer: takes real notes, mutates them (byte flips, spliced Markdown tokens,
/// duplicated and deleted lines, deep nesting, huge tables) and feeds each through extraction and the HTML
/// renderer. A crash kills the process; the last input is saved first so it can become a regression test.
enum Fuzz {
    static let tokens = ["**", "__", "`", "```", "~~", "[", "](", ")", "|", "---", "- [ ] ", "- [x] ", "> ", "# ", "### ",
                         "1. ", "<script>", "\u{FEFF}", "\r\n", "\t", "**Root Cause**:", "| a | b |\n|---|---|\n",
                         "## Update: done\n**Status**: DONE\n", "blocked by #", "\u{0}", "\u{202E}", "é", "🔴", "\\"]

    static func run(seconds: Double, seed: UInt64, corpus: String, crashFile: String) throws {
        let notes = InputPaths.notes(under: corpus).compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
        guard !notes.isEmpty else { throw CocoaError(.fileNoSuchFile) }
        var rng = SplitMix64(seed: seed)
        let parser = NoteParser()
        let deadline = Date().addingTimeInterval(seconds)
        var runs = 0
        while Date() < deadline {
            var text = notes[Int(rng.next() % UInt64(notes.count))]
            for _ in 0..<(1 + Int(rng.next() % 8)) { text = mutate(text, &rng) }
            try? text.write(toFile: crashFile, atomically: false, encoding: .utf8)
            let session = parser.session(from: text, fileName: "fuzz.md", fallbackDate: "2026-01-01")
            _ = MarkdownRenderer.html(text)
            precondition(session.remaining.allSatisfy { $0.line >= 1 }, "line numbers must be 1-based")
            runs += 1
        }
        try? FileManager.default.removeItem(atPath: crashFile)
        print("fuzz: \(runs) mutated notes through extraction and rendering in \(Int(seconds)) s, no crash (seed \(seed))")
    }

    static func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var scalars = Array(text.unicodeScalars)
        let at = scalars.isEmpty ? 0 : Int(rng.next() % UInt64(scalars.count))
        switch rng.next() % 7 {
        case 0: // insert a Markdown token
            scalars.insert(contentsOf: tokens[Int(rng.next() % UInt64(tokens.count))].unicodeScalars, at: at)
        case 1: // delete a run
            if !scalars.isEmpty { scalars.removeSubrange(at..<min(scalars.count, at + Int(rng.next() % 40))) }
        case 2: // flip a character
            if !scalars.isEmpty, let s = Unicode.Scalar(UInt32(rng.next() % 0x2FF)) { scalars[at] = s }
        case 3: // duplicate lines
            var lines = text.components(separatedBy: "\n")
            if !lines.isEmpty { let i = Int(rng.next() % UInt64(lines.count)); lines.insert(contentsOf: Array(repeating: lines[i], count: 1 + Int(rng.next() % 50)), at: i) }
            return lines.joined(separator: "\n")
        case 4: // deep nesting
            scalars.insert(contentsOf: String(repeating: ["> ", "- ", "* ", "1. "][Int(rng.next() % 4)], count: 100 + Int(rng.next() % 3000)).unicodeScalars, at: at)
        case 5: // shuffle lines
            var lines = text.components(separatedBy: "\n")
            if lines.count > 2 { for _ in 0..<5 { lines.swapAt(Int(rng.next() % UInt64(lines.count)), Int(rng.next() % UInt64(lines.count))) } }
            return lines.joined(separator: "\n")
        default: // pathological emphasis / brackets
            scalars.insert(contentsOf: String(repeating: ["*a ", "[", "_", "`"][Int(rng.next() % 4)], count: 500 + Int(rng.next() % 5000)).unicodeScalars, at: at)
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }
}
