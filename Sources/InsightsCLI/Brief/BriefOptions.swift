import ArgumentParser
import InsightsCore
import InsightsStore

/// `--since` and `--limit`, shared by `brief` and `new`, and the brief they select from a journal's index.
struct BriefOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Only tasks and failures seen on or after this day, or within this age (30d, 6w, 3m, 1y).", valueName: "when"))
    var since: String?

    @Option(name: .long, help: "Show at most this many lines per section.")
    var limit = 10

    func validate() throws {
        if let since, SinceDate.resolve(since, today: Ingester.todayString()) == nil {
            throw ValidationError("--since '\(since)' is neither a day (2026-01-31) nor an age (30d, 6w, 3m, 1y)")
        }
        if !(1...200).contains(limit) { throw ValidationError("--limit must be between 1 and 200 (got \(limit))") }
    }

    /// The brief of `index` as of `today`.
    func brief(_ index: Index, today: String) throws -> Brief {
        try BriefQuery.brief(index, today: today, since: since.flatMap { SinceDate.resolve($0, today: today) }, limit: limit)
    }
}

/// Reads tasks and failures from an index and builds the brief: the one query `brief`, `new` and MCP share.
package enum BriefQuery {
    package static func brief(_ index: Index, today: String, since: String? = nil, limit: Int = 10) throws -> Brief {
        Brief.make(tasks: try index.tasks(), failures: try index.failures(), today: today, since: since, limit: limit)
    }
}
