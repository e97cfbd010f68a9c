import ArgumentParser
import InsightsCore
import InsightsStore

struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List sessions, newest first.",
        discussion: "  insights sessions\n  insights sessions --json | jq '.[0].id'")

    @OptionGroup var journal: JournalOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Show at most this many sessions.")
    var limit: Int?

    func run() throws {
        try runReporting {
            let console = Console()
            var sessions = try journal.resolved.openIndex(readOnly: true).sessions()
            if let limit { sessions = Array(sessions.prefix(max(0, limit))) }
            if output.json {
                try console.json(sessions.map(SessionSummary.init))
                return
            }
            if sessions.isEmpty { console.out("no sessions yet; add one with `insights ingest NOTE.md`"); return }
            for s in sessions {
                let counts = "\(s.findings.count)F \(s.friction.count)fr \(s.completed.count)✓ \(s.remaining.count)☐"
                console.out("\(s.date)  \(console.style(s.id, .bold))  \(s.title)  \(console.style(counts, .dim))")
            }
        }
    }
}

/// The `sessions --json` element: identity and counts, not the whole extraction.
struct SessionSummary: Codable {
    var id, title, date, source: String
    var tags: [String]
    var findings, friction, completed, remaining, updates, takeaways: Int

    init(_ s: Session) {
        id = s.id; title = s.title; date = s.date; source = s.source; tags = s.tags
        findings = s.findings.count; friction = s.friction.count; completed = s.completed.count
        remaining = s.remaining.count; updates = s.updates.count; takeaways = s.takeaways.count
    }
}
