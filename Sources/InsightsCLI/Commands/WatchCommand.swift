import ArgumentParser
import Dispatch
import Foundation
import InsightsStore

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Ingest notes as they are saved (polls folders until Ctrl-C).",
        discussion: """
            Looks at the folders (default: the current folder) every --interval seconds and ingests each
            *.md / *.markdown note once it has stayed the same for one interval, so a file being written is
            never read half-way. Editors' temporary files (.foo.md.swp, foo.md~, 4913) are ignored; a save
            that renames a new file over the note counts as one change. Prints one line per ingested note.
            Ctrl-C stops between two ingests, so the journal is always consistent.

              insights watch notes/ --interval 2
            """)

    @OptionGroup var journal: JournalOptions

    @Option(name: .long, help: "Seconds between two looks at the folders (a file must be unchanged for one).")
    var interval: Double = 1

    @Argument(help: ArgumentHelp("Folders (or files) to watch.", valueName: "dir"))
    var folders: [String] = []

    func validate() throws {
        if !(interval > 0 && interval <= 3600) { throw ValidationError("--interval must be between 0 and 3600 seconds") }
    }

    func run() throws {
        try runReporting {
            let console = Console()
            let journal = journal.resolved
            let roots = folders.isEmpty ? ["."] : folders
            for root in roots where !FileManager.default.fileExists(atPath: root) {
                throw CLIError.usage("\(root): no such folder or file")
            }
            let ingester = Ingester(journal: journal, vocabulary: try journal.config().effectiveVocabulary)
            let watcher = Watcher(roots: roots, journal: journal, ingester: ingester)
            let stop = StopSignal()
            console.err("watching \(roots.joined(separator: ", ")) every \(interval)s; Ctrl-C to stop")
            while !stop.isRaised {
                for file in try watcher.poll() where file.status != .unchanged {
                    let lines = file.lines.map { ":" + $0 } ?? ""
                    if file.status == .failed {
                        console.err("failed     \(file.path): \(file.reason ?? "")")
                    } else {
                        console.out("\(file.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(file.id ?? "")  ← \(file.path)\(lines)")
                    }
                }
                var waited = 0.0
                while waited < interval && !stop.isRaised {
                    usleep(50_000)
                    waited += 0.05
                }
            }
            console.err("stopped")
        }
    }
}

/// Turns SIGINT / SIGTERM into a flag the loop checks between polls, so a signal never cuts an ingest short.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    private var sources: [DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: DispatchQueue.global())
            source.setEventHandler { [weak self] in self?.raise() }
            source.resume()
            sources.append(source)
        }
    }

    var isRaised: Bool { lock.lock(); defer { lock.unlock() }; return raised }

    func raise() { lock.lock(); raised = true; lock.unlock() }
}
