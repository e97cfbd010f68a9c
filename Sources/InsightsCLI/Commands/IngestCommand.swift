import ArgumentParser
import Foundation
import InsightsCore
import InsightsStore

extension SplitMode: ExpressibleByArgument {}

struct IngestCommand: ParsableCommand {
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

            A multi-entry log (at least two sibling headings that carry a date, such as `## 2026-04-12 — ...`)
            becomes one session per entry; the journal keeps the log once and each entry refers to its lines.
            Re-ingesting a grown log adds only the new entries. --split none|entries|auto overrides the detection
            (the choice is remembered for reindex).

              insights ingest --git-history repo/LAST_SESSION.md   every committed version = one session

            A file that cannot be used (empty, binary, not UTF-8, over 10 MiB) is reported with its path and
            reason; the other files are still ingested and the exit code is 1.
            """)

    @OptionGroup var journal: JournalOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Show what would be extracted and what would change; write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Decode invalid UTF-8 with replacement characters instead of refusing the file.")
    var lossy = false

    @Option(name: .long, help: ArgumentHelp("How to read multi-entry logs: none (one session per file), entries (one per dated heading) or auto (split when two sibling headings carry a date).", valueName: "none|entries|auto"))
    var split: SplitMode?

    @Flag(name: .long, help: "Ingest every committed version of each named file (in a git repository) as a session of its own.")
    var gitHistory = false

    @Argument(help: ArgumentHelp("Notes to ingest: files, folders, globs, or - for standard input.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one note, folder or glob (or - for standard input)") }
        if gitHistory && paths.contains("-") { throw ValidationError("--git-history reads files in a git repository, not standard input") }
        if gitHistory && split != nil { throw ValidationError("--git-history reads each version whole; leave out --split") }
    }

    func run() throws {
        try runReporting {
            let console = Console()
            let journal = journal.resolved
            if gitHistory { return try runGitHistory(journal: journal, console: console) }
            let expanded = InputPaths.expand(paths)
            if expanded.files.isEmpty && expanded.missing.isEmpty {
                throw CLIError.usage("no notes (*.md, *.markdown) found in \(paths.joined(separator: ", "))")
            }
            var inputs = InputReader.lazily(expanded.files, isLossy: lossy)
            inputs += expanded.missing.map { .failure(NoteInput.Rejection(path: $0, reason: "no such file or folder")) }
            let config = try journal.config()
            var ingester = Ingester(journal: journal, vocabulary: config.effectiveVocabulary)
            ingester.split = split
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

    /// `--git-history`: the versions of every named file, each file in one transaction.
    private func runGitHistory(journal: Journal, console: Console) throws {
        let ingester = Ingester(journal: journal, vocabulary: try journal.config().effectiveVocabulary)
        var report = Ingester.Report()
        if dryRun { report.sessions = [] }
        for path in paths {
            let versions = try GitHistory.versions(of: path)
            let one: Ingester.Report
            if dryRun {
                one = try ingester.ingest(versions: versions, of: path, isDryRun: true)
            } else {
                let lock = try JournalLock(journal) { console.err("waiting for another insights process writing to \(journal.path) ...") }
                defer { withExtendedLifetime(lock) {} }
                one = try ingester.ingest(versions: versions, of: path, isDryRun: false)
            }
            report.files += one.files
            if let sessions = one.sessions { report.sessions? += sessions }
        }
        if output.json { try console.json(report) } else { print(report, dryRun: dryRun, console: console) }
        if report.failed > 0 { throw Exit.failure }
    }

    private func print(_ report: Ingester.Report, dryRun: Bool, console: Console) {
        let verb = dryRun ? "would be " : ""
        for file in report.files {
            switch file.status {
            case .failed:
                console.err("\(console.style("failed", .red))     \(file.path): \(file.reason ?? "")")
            case .unchanged:
                console.out("unchanged  \(file.id ?? "")  \(console.style("← " + file.path + (file.lines.map { ":" + $0 } ?? ""), .dim))")
            case .added, .updated:
                let c = file.counts.map { "\($0.findings) findings, \($0.friction) friction, \($0.completed) done, \($0.remaining) remaining" } ?? ""
                let word = dryRun ? (file.status == .added ? "would add" : "would update") : file.status.rawValue
                console.out("\(console.style(word.padding(toLength: 10, withPad: " ", startingAt: 0), .green)) \(file.id ?? "")  (\(c))  \(console.style("← " + file.path + (file.lines.map { ":" + $0 } ?? ""), .dim))")
            }
        }
        console.out("\(report.added) \(verb)added, \(report.updated) \(verb)updated, \(report.unchanged) unchanged, \(report.failed) failed")
    }
}
