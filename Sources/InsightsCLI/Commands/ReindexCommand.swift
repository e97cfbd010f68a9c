import ArgumentParser
import Foundation
import InsightsStore

struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the index from the journal's notes alone (safe to run any time).",
        discussion: """
            Indexes every note in the journal again into a new index beside DIR/.insights/index.sqlite, then \
            swaps it in (a kill leaves the old index or the new one); use it after editing notes by hand, after \
            an upgrade, or when the index is reported corrupt. The notes are never changed.
            """)

    @OptionGroup var journal: JournalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runReporting {
            let console = Console()
            let journal = journal.resolved
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: journal.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CLIError.failure("\(journal.path): no such journal folder; pass --journal DIR or set INSIGHTS_JOURNAL")
            }
            let lock = try JournalLock(journal) { console.err("waiting for another insights process writing to \(journal.path) ...") }
            defer { withExtendedLifetime(lock) {} }
            let files = try journal.noteFiles()
            // The new index is built beside the old one and swapped in with one rename (see `Ingester`): a kill
            // at any moment leaves the old index or the new one (never an empty one), and running reindex again
            // finishes. The old index is not even opened: a damaged one is replaced all the same.
            let inputs = InputReader.lazily(files.map { journal.url($0).path }, isLossy: false)
            var ingester = Ingester(journal: journal, vocabulary: try journal.config().effectiveVocabulary)
            ingester.rebuildsIndex = true
            let report = try ingester.ingest(inputs, isDryRun: false) { done, total in
                if total >= 20 && (done % 25 == 0 || done == total) { console.progress("indexing \(done)/\(total)") }
            }
            console.endProgress()
            if output.json {
                try console.json(report)
            } else {
                for f in report.files where f.status == .failed { console.err("failed     \(f.path): \(f.reason ?? "")") }
                console.out("reindexed \(report.added + report.updated + report.unchanged) notes from \(journal.path) (\(report.failed) failed)")
            }
            if report.failed > 0 { throw Exit.failure }
        }
    }
}
