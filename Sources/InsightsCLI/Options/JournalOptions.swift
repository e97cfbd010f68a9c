import ArgumentParser
import Foundation
import InsightsStore

/// `--journal DIR`, shared by every command that reads or writes a journal.
package struct JournalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The journal folder (default: $INSIGHTS_JOURNAL, else ./journal).", valueName: "dir"))
    var journal: String?

    package init() {}

    /// The journal named by `--journal`, the environment, or the default.
    package var resolved: Journal {
        Journal(path: journal ?? ProcessInfo.processInfo.environment["INSIGHTS_JOURNAL"] ?? "journal")
    }
}

/// `--json`, for read commands.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON document on stdout instead of text.")
    var json = false
}
