import ArgumentParser
import Foundation
import InsightsCore
import InsightsStore

struct BriefCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "What to know before the next session: warnings, open P0/P1 tasks, reopened tasks, failures to avoid.",
        discussion: """
            Read it before you start. In order:
              recurred after fix   failures that came back after a fix was written (read these first)
              open P0/P1           open and blocked high-priority tasks; blocked ones name their blocker
              reopened             tasks that were done and came back
              left open            other open tasks of the newest session that has any (its handover)
              watch out for        recurring failures, then lessons with a fix, each with the fix written last

              insights brief
              insights brief --since 30d --limit 5
              insights brief --json | jq '.open_tasks[].title'

            --json prints {"date", "since", "warnings", "open_tasks", "reopened", "left_open",
            "watch_out_for", "totals"}.
            """)

    @OptionGroup var journal: JournalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var options: BriefOptions

    func run() async throws {
        try await runReporting {
            let console = Console()
            let index = try journal.resolved.openIndex(readOnly: true)
            let brief = try options.brief(index, today: Ingester.todayString())
            if output.json { try console.json(brief); return }
            BriefPrinter(console: console).print(brief)
        }
    }
}

/// The human-readable brief.
struct BriefPrinter {
    let console: Console

    func print(_ b: Brief) {
        if b.isEmpty {
            console.out("nothing to brief: no open tasks or failures\(b.since.map { " since \($0)" } ?? "")")
            return
        }
        section("Recurred after fix", b.warnings.count, b.totals.warnings, color: .red) {
            for f in b.warnings { failure(f) }
        }
        section("Open P0/P1 tasks", b.openTasks.count, b.totals.openTasks, color: .yellow) {
            for t in b.openTasks { task(t) }
        }
        section("Reopened", b.reopened.count, b.totals.reopened, color: .yellow) {
            for t in b.reopened { task(t) }
        }
        section("Left open on \(b.leftOpen.first?.lastSeen ?? "")", b.leftOpen.count, b.totals.leftOpen, color: .yellow) {
            for t in b.leftOpen { task(t) }
        }
        section("Watch out for", b.watchOutFor.count, b.totals.watchOutFor, color: .cyan) {
            for f in b.watchOutFor { failure(f) }
        }
    }

    private func section(_ title: String, _ shown: Int, _ total: Int, color: Console.Style, _ body: () -> Void) {
        guard shown > 0 else { return }
        let count = shown < total ? "\(shown) of \(total), see more with --limit" : "\(total)"
        console.out(console.style("\(title) (\(count))", color))
        body()
        console.out("")
    }

    private func task(_ t: Brief.TaskLine) {
        let flags = [t.status == .blocked ? "blocked" : nil, t.isReopened ? "reopened" : nil].compactMap { $0 }
        console.out("  \(console.style(t.id, .bold))  \(t.priority ?? "--")  \(t.title)"
                    + (flags.isEmpty ? "" : "  " + console.style("[" + flags.joined(separator: ", ") + "]", .dim)))
        for blocker in t.blockedBy { console.out("           blocked by \(blocker.id) \(blocker.title)") }
        console.out("           " + console.style("\(t.session):\(t.line) · last seen \(t.lastSeen)", .dim))
    }

    private func failure(_ f: Brief.FailureLine) {
        console.out("  \(console.style(f.id, .bold))  \(f.title)  " + console.style("[\(NoteTemplate.label(f))]", .dim))
        if let fix = f.fix {
            console.out("           fix written \(fix.date): \(NoteTemplate.oneLine(fix.text))")
        } else {
            console.out("           no fix written yet")
        }
        console.out("           " + console.style("\(f.session):\(f.line) · last seen \(f.lastSeen)", .dim))
    }
}
