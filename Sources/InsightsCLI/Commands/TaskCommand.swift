import ArgumentParser
import Foundation
import InsightsCore
import InsightsStore

struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "Show one task's history across sessions, or pin a decision about it.",
        discussion: """
              insights task T-1a2b3c                    history, dependencies, evidence
              insights task T-1a2b3c --merge T-4d5e6f   fold T-1a2b3c into T-4d5e6f
              insights task T-1a2b3c --split 3          mention 3 starts its own task
              insights task T-1a2b3c --close            done as of today (until a later note reopens it)
              insights task T-1a2b3c --reopen
            Decisions are kept in JOURNAL/task-decisions.json, so they survive `insights reindex`.
            """)

    @OptionGroup var journal: JournalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The task id (see `insights tasks`).")
    var id: String

    @Option(name: .long, help: ArgumentHelp("Merge this task into OTHER (OTHER keeps its id).", valueName: "other"))
    var merge: String?

    @Option(name: .long, help: ArgumentHelp("Take mention N (as numbered by `insights task ID`) out into its own task.", valueName: "mention-index"))
    var split: Int?

    @Flag(name: .long, help: "Mark the task done as of today.")
    var close = false

    @Flag(name: .long, help: "Mark the task open again as of today.")
    var reopen = false

    func validate() throws {
        let pins = [merge != nil, split != nil, close, reopen].filter { $0 }.count
        if pins > 1 { throw ValidationError("give at most one of --merge, --split, --close, --reopen") }
        if let split, split < 1 { throw ValidationError("--split takes a mention number from 1 (see `insights task \(id)`)") }
    }

    func run() throws {
        try runReporting {
            let console = Console()
            let journal = journal.resolved
            var shown = id
            if merge != nil || split != nil || close || reopen {
                shown = try pin(journal, console: console)
            }
            guard let t = try journal.openIndex(readOnly: true).task(id: shown) else {
                throw CLIError.failure(StoreError.notFound(what: "task", id: shown).description)
            }
            if output.json { try console.json(t); return }
            print(t, console: console)
        }
    }

    /// Writes the decision to the journal and recomputes the tasks; returns the id to show afterwards.
    private func pin(_ journal: Journal, console: Console) throws -> String {
        let lock = try JournalLock(journal) { console.err("waiting for another insights process writing to \(journal.path) ...") }
        defer { withExtendedLifetime(lock) {} }
        let index = try journal.openExistingIndex()
        guard let task = try index.task(id: id) else { throw CLIError.failure(StoreError.notFound(what: "task", id: id).description) }
        let today = Ingester.todayString()
        let decision: TaskDecision
        var shown = id
        if let merge {
            guard merge != id else { throw CLIError.usage("cannot merge a task into itself") }
            guard try index.task(id: merge) != nil else { throw CLIError.usage(StoreError.notFound(what: "task", id: merge).description) }
            decision = TaskDecision(action: .merge, task: id, into: merge, date: today)
            shown = merge
        } else if let split {
            guard split <= task.mentions.count else { throw CLIError.usage("task \(id) has \(task.mentions.count) mentions; --split takes 2...\(task.mentions.count)") }
            guard split > 1 else { throw CLIError.usage("mention 1 is where the task starts; split a later mention, or merge instead") }
            let m = task.mentions[split - 1]
            decision = TaskDecision(action: .split, task: id, session: m.session, line: m.line, date: today)
        } else {
            decision = TaskDecision(action: close ? .close : .reopen, task: id, date: today)
        }
        try journal.pin(decision)
        try index.write(sessions: []) { tx in
            try Derived.recomputeTasks(tx, journal: journal)
        }
        console.err("pinned \(decision.action.rawValue) of \(id) in \(journal.taskDecisionsPath)")
        return shown
    }

    private func print(_ t: TrackedTask, console: Console) {
        TaskPrinter(console: console).summary(t)
        if let p = t.priority { console.out("  priority: \(p)") }
        console.out("  first seen \(t.firstSeen), last seen \(t.lastSeen)" + (t.tags.isEmpty ? "" : " · #" + t.tags.joined(separator: " #")))
        if !t.dependsOn.isEmpty { console.out("  depends on: \(t.dependsOn.joined(separator: ", "))") }
        console.out("\n" + console.style("History (\(t.mentions.count))", .cyan))
        for (i, m) in t.mentions.enumerated() {
            let kind = m.kind == .done ? console.style("done", .green) : console.style("open", .yellow)
            console.out("  \(i + 1). \(m.date)  \(kind)  \(m.session) L\(m.line)\(m.priority.map { " [\($0)]" } ?? "")  \(m.text)")
        }
        if t.status == .done, let e = t.evidence {
            console.out("\n" + console.style("Evidence", .cyan))
            console.out("  resolved \(t.resolvedOn ?? e.date)\(t.resolvedIn.map { " in \($0) L\(e.line)" } ?? ""): \(e.text)")
        }
    }
}
