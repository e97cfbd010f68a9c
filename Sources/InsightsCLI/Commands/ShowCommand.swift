import ArgumentParser
import InsightsCore
import InsightsStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one session with everything extracted from it.",
        discussion: "  insights show 2025-12-17-session-insights\n  insights show 2025-12-17-session-insights --json")

    @OptionGroup var journal: JournalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The session id (see `insights sessions`).")
    var id: String

    func run() throws {
        try runReporting {
            let console = Console()
            guard let s = try journal.resolved.openIndex(readOnly: true).session(id: id) else {
                throw CLIError.failure(StoreError.notFound(what: "session", id: id).description)
            }
            if output.json { try console.json(s); return }
            SessionPrinter(console: console).print(s)
        }
    }
}

/// Human-readable rendering of one session.
struct SessionPrinter {
    let console: Console

    func print(_ s: Session) {
        console.out(console.style(s.title, .bold))
        console.out("\(s.id) · \(s.date) · \(s.source)" + (s.tags.isEmpty ? "" : " · #" + s.tags.joined(separator: " #")))
        for (k, v) in s.fields.sorted(by: { $0.key < $1.key }) { console.out("  \(k): \(v.prefix(200))") }
        section("Findings", s.findings.map { f in
            "L\(f.line)  [\(f.category)\(f.severity.map { ", " + $0 } ?? "")] \(f.title)"
                + f.fields.keys.sorted().map { "\n        \($0): \(firstLine(f.fields[$0] ?? ""))" }.joined()
        })
        section("Friction", s.friction.map { "L\($0.line)  \($0.problem) → \($0.correction.isEmpty ? $0.response : $0.correction)" })
        section("Completed", s.completed.map { "L\($0.line)  \($0.title) (\($0.status))" })
        section("Remaining", s.remaining.map { r in
            "L\(r.line)  \(r.number.map { "#\($0) " } ?? "")\(r.priority.map { "[\($0)] " } ?? "")\(r.title)"
                + (r.dependsOn.isEmpty ? "" : "  (depends on #" + r.dependsOn.map(String.init).joined(separator: ", #") + ")")
        })
        section("Updates", s.updates.map { "L\($0.line)  \($0.title)\($0.status.map { " — " + $0 } ?? "")" + ($0.resolves.isEmpty ? "" : "  resolves: " + $0.resolves.joined(separator: "; ")) })
        section("Takeaways", s.takeaways.map { "L\($0.line)  \($0.title)" })
    }

    private func section(_ name: String, _ lines: [String]) {
        guard !lines.isEmpty else { return }
        console.out("\n" + console.style("\(name) (\(lines.count))", .cyan))
        for l in lines { console.out("  " + l) }
    }

    private func firstLine(_ s: String) -> String {
        let line = s.split(separator: "\n").first.map(String.init) ?? ""
        return line.count > 100 ? String(line.prefix(100)) + "…" : line
    }
}
