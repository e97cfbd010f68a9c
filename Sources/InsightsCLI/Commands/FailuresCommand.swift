import ArgumentParser
import InsightsCore
import InsightsStore

struct FailuresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "failures",
        abstract: "List failures that recur across sessions, most sessions and most recent first.",
        discussion: """
            A failure is recurring when the same mistake or blocker is written in two or more sessions' notes.
            "RECURRED AFTER FIX" marks one that happened again after a fix was written down.

              insights failures
              insights failures --all          single-session failures too
              insights failures --json | jq '.[] | select(.status == "recurred-after-fix")'
            """)

    @OptionGroup var journal: JournalOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Include failures seen in one session only.")
    var all = false

    func run() throws {
        try runReporting {
            let console = Console()
            let index = try journal.resolved.openIndex(readOnly: true)
            if output.json {
                // The stored JSON as it is (see `Index.failureJSON`).
                console.out(JSONList.array(try index.failureJSON(minSessions: all ? 0 : 2)))
                return
            }
            let clusters = try index.failures().filter { all || $0.sessions >= 2 }
            if clusters.isEmpty {
                console.out(all ? "no failures found" : "no recurring failures (see single ones with --all)")
                return
            }
            for c in clusters { console.out(FailurePrinter(console: console).line(c)) }
        }
    }
}

/// Human-readable rendering of failure clusters.
struct FailurePrinter {
    let console: Console

    /// `F-1a2b3c  3 sessions  2026-09-03..2026-10-06  RECURRED AFTER FIX  Migration History Drifted ...`
    func line(_ c: FailureCluster) -> String {
        let span = c.firstSeen == c.lastSeen ? c.firstSeen : "\(c.firstSeen)..\(c.lastSeen)"
        let sessions = c.sessions == 1 ? "1 session " : "\(c.sessions) sessions"
        return "\(console.style(c.id, .bold))  \(sessions)  \(span)  \(badge(c))  \(c.title)"
    }

    func badge(_ c: FailureCluster) -> String {
        switch c.status {
        case .recurredAfterFix: return console.style("RECURRED AFTER FIX", .red)
        case .recurring: return console.style("recurring", .yellow)
        case .fixed: return console.style("fixed since \(c.fixes.last?.date ?? c.lastSeen)", .green)
        case .single: return console.style("single", .dim)
        }
    }

    func detail(_ c: FailureCluster) {
        console.out(console.style(c.title, .bold))
        console.out("\(c.id) · \(c.sessions) session\(c.sessions == 1 ? "" : "s") · \(c.firstSeen)..\(c.lastSeen) · \(badge(c))")
        if !c.terms.isEmpty { console.out(console.style("shared words: " + c.terms.joined(separator: ", "), .dim)) }
        console.out("\n" + console.style("Occurrences (\(c.occurrences.count))", .cyan))
        for (n, o) in c.occurrences.enumerated() {
            console.out("  \(n + 1). \(o.date)  \(o.session):\(o.line)  [\(o.kind)] \(o.title)")
            let text = o.text.split(separator: "\n").prefix(4).joined(separator: " ").prefix(300)
            if !text.isEmpty && text != o.title { console.out(console.style("       " + text, .dim)) }
        }
        guard !c.fixes.isEmpty else { console.out("\nNo fix written down yet."); return }
        console.out("\n" + console.style("Fixes so far, newest first (\(c.fixes.count))", .cyan))
        for f in c.fixes {
            let text = f.text.split(separator: "\n").prefix(3).joined(separator: " ").prefix(300)
            console.out("  \(f.date)  \(f.session):\(f.line)  \(text)")
        }
    }
}
