import ArgumentParser
import Foundation
import InsightsStore

struct ReindexCommand: AsyncParsableCommand {
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

    func run() async throws {
        try await runReporting {
            let console = Console()
            let journal = journal.resolved
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: journal.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CLIError.failure("\(journal.path): no such journal folder; pass --journal DIR or set INSIGHTS_JOURNAL")
            }
            let lock = try JournalLock(journal) { console.err("waiting for another insights process writing to \(journal.path) ...") }
            defer { withExtendedLifetime(lock) {} }
            let files = try journal.noteFiles()
            // The new index is built beside the old one and swapped in with one rename: a kill at any moment
            // leaves the old index or the new one (never an empty one), and running reindex again finishes.
            let inputs = InputReader.lazily(files.map { journal.url($0).path }, isLossy: false)
            let building = journal.withIndex(named: "index.sqlite.rebuilding")
            try building.removeIndex()
            let ingester = Ingester(journal: building, vocabulary: try journal.config().effectiveVocabulary)
            let report = try ingester.ingest(inputs, isDryRun: false) { done, total in
                if total >= 20 && (done % 25 == 0 || done == total) { console.progress("indexing \(done)/\(total)") }
            }
            console.endProgress()
            // An empty journal still gets an (empty, migrated) index; the ingester closed its own on return.
            if !FileManager.default.fileExists(atPath: building.indexPath) { _ = try building.openIndex() }
            try journal.replaceIndex(with: building)
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
