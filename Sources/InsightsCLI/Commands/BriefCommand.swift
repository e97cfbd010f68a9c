import ArgumentParser
import Foundation
import InsightsCore
import InsightsStore

struct BriefCommand: ParsableCommand {
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

    func run() throws {
        try runReporting {
            let console = Console()
            let index = try journal.resolved.openIndex(readOnly: true)
            let brief = try options.brief(index, today: Ingester.todayString())
            if output.json { try console.json(brief); return }
            BriefPrinter(console: console).print(brief)
        }
    }
}
