import ArgumentParser
import Foundation
import InsightsCore
import InsightsMarkdown
import InsightsStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint notes: what was extracted, and what could not be classified (with line numbers and a hint).",
        discussion: """
            Writes nothing. Exit code 0 when every note could be read (even with hints), 1 when one could not.

              insights check SESSION.md
              insights check notes/ --json
            """)

    @OptionGroup var journal: JournalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("Notes to check: files, folders or globs.", valueName: "path"))
    var paths: [String]

    struct Result: Codable {
        var path: String
        var error: String?
        var date: String?
        var dateSource: String?
        var counts: Ingester.Counts?
        var hints: [Diagnostic]
    }

    func run() throws {
        try runReporting {
            let console = Console()
            let expanded = InputPaths.expand(paths)
            let parser = NoteParser(vocabulary: try journal.resolved.config().effectiveVocabulary)
            var results: [Result] = expanded.missing.map { Result(path: $0, error: "no such file or folder", hints: []) }
            for input in InputReader.read(expanded.files, isLossy: false) {
                switch input {
                case .failure(let r): results.append(Result(path: r.path, error: r.reason, hints: []))
                case .success(let note):
                    let s = parser.session(from: note.text, fileName: note.path, fallbackDate: nil)
                    var hints = s.unclassified
                    if s.date.isEmpty {
                        hints.insert(Diagnostic(line: 1, message: "no date found", hint: "add `date: YYYY-MM-DD` front matter, a `**Date**:` line, or name the file YYYY-MM-DD-title.md"), at: 0)
                    }
                    results.append(Result(path: note.path, date: s.date, dateSource: s.dateSource, counts: Ingester.Counts(s), hints: hints))
                }
            }
            if output.json {
                try console.json(results)
            } else {
                for r in results {
                    if let e = r.error { console.err("\(r.path): \(e)"); continue }
                    let c = r.counts.map { "\($0.findings) findings, \($0.friction) friction, \($0.completed) done, \($0.remaining) remaining, \($0.updates) updates, \($0.takeaways) takeaways" } ?? ""
                    console.out("\(console.style(r.path, .bold)): \(r.date ?? "no date") (\(r.dateSource ?? "")); \(c)")
                    for h in r.hints { console.out("  \(r.path):\(h.line): \(h.message)\n      hint: \(h.hint)") }
                }
            }
            if results.contains(where: { $0.error != nil }) { throw Exit.failure }
        }
    }
}
