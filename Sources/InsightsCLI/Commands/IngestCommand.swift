import ArgumentParser
import Foundation
import InsightsStore

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add session notes to the journal and index what they say.",
        discussion: """
            Each note is parsed (findings, friction, done work, remaining work, updates, takeaways), its exact
            bytes are kept in the journal as YYYY-MM-DD-slug.md, and everything is indexed for search.
            Ingesting the same content again changes nothing; an edited note (same path, or same title and
            date) updates its session in place.

              insights ingest SESSION.md
              insights ingest notes/ old/*.md          folders are read recursively (*.md, *.markdown)
              insights ingest - < SESSION.md           standard input
              insights ingest --dry-run --json SESSION.md

            A file that cannot be used (empty, binary, not UTF-8, over 10 MiB) is reported with its path and
            reason; the other files are still ingested and the exit code is 1.
            """)

    @OptionGroup var journal: JournalOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Show what would be extracted and what would change; write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Decode invalid UTF-8 with replacement characters instead of refusing the file.")
    var lossy = false

    @Argument(help: ArgumentHelp("Notes to ingest: files, folders, globs, or - for standard input.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one note, folder or glob (or - for standard input)") }
    }

    func run() async throws {
        try await runReporting {
            let console = Console()
            let journal = journal.resolved
            let expanded = InputPaths.expand(paths)
            if expanded.files.isEmpty && expanded.missing.isEmpty {
                throw CLIError.usage("no notes (*.md, *.markdown) found in \(paths.joined(separator: ", "))")
            }
            var inputs = InputReader.read(expanded.files, isLossy: lossy)
            inputs += expanded.missing.map { .failure(NoteInput.Rejection(path: $0, reason: "no such file or folder")) }
            let config = try journal.config()
            let ingester = Ingester(journal: journal, vocabulary: config.effectiveVocabulary)
            let report: Ingester.Report
            if dryRun {
                report = try ingester.ingest(inputs, isDryRun: true)
            } else {
                let lock = try JournalLock(journal) { console.err("waiting for another insights process writing to \(journal.path) ...") }
                defer { withExtendedLifetime(lock) {} }
                report = try ingester.ingest(inputs, isDryRun: false) { done, total in
                    if total >= 20 && (done % 25 == 0 || done == total) { console.progress("ingesting \(done)/\(total)") }
                }
                console.endProgress()
            }
            if output.json {
                try console.json(report)
            } else {
                print(report, dryRun: dryRun, console: console)
            }
            if report.failed > 0 { throw Exit.failure }
        }
    }

    private func print(_ report: Ingester.Report, dryRun: Bool, console: Console) {
        let verb = dryRun ? "would be " : ""
        for file in report.files {
            switch file.status {
            case .failed:
                console.err("\(console.style("failed", .red))     \(file.path): \(file.reason ?? "")")
            case .unchanged:
                console.out("unchanged  \(file.id ?? "")  \(console.style("← " + file.path, .dim))")
            case .added, .updated:
                let c = file.counts.map { "\($0.findings) findings, \($0.friction) friction, \($0.completed) done, \($0.remaining) remaining" } ?? ""
                let word = dryRun ? (file.status == .added ? "would add" : "would update") : file.status.rawValue
                console.out("\(console.style(word.padding(toLength: 10, withPad: " ", startingAt: 0), .green)) \(file.id ?? "")  (\(c))  \(console.style("← " + file.path, .dim))")
            }
        }
        console.out("\(report.added) \(verb)added, \(report.updated) \(verb)updated, \(report.unchanged) unchanged, \(report.failed) failed")
    }
}
