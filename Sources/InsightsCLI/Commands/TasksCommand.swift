import ArgumentParser
import Foundation
import InsightsCore
import InsightsStore

struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "List the work still to do, tracked across sessions (or export it to a task tool).",
        discussion: """
            Every remaining-work item of every note is a task; the same work mentioned again in a later note
            joins the same task, and a completed row, [x] item or Update showing it done closes it.

              insights tasks                              open and blocked tasks, by priority then age
              insights tasks --all --json                 every task, done ones too
              insights tasks --priority P0 --status open
              insights tasks --export                     JSON on stdout
              insights tasks --export csv --output tasks.csv
              (formats: json csv markdown todotxt taskwarrior github archon)
            """)

    @OptionGroup var journal: JournalOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .long, help: "Include done tasks.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Only tasks with this status: open, done or blocked.", valueName: "status"))
    var status: String?

    @Option(name: .long, help: ArgumentHelp("Only tasks of this priority (P0, P1, High, ...).", valueName: "priority"))
    var priority: String?

    @Flag(name: .long, help: "Export the selected tasks (with --export, done tasks are included unless --status says otherwise).")
    var export = false

    @Argument(help: ArgumentHelp("Export format with --export: json (default), csv, markdown, todotxt, taskwarrior, github, archon.", valueName: "format"))
    var format: String?

    @Option(name: .customLong("output"), help: ArgumentHelp("Write the export to this file instead of stdout.", valueName: "file"))
    var outputFile: String?

    @Option(name: .long, help: ArgumentHelp("Archon project id for --export archon.", valueName: "id"))
    var project: String?

    static func parseStatus(_ s: String) -> TrackedTask.Status? { TrackedTask.Status(rawValue: s.lowercased()) }

    func validate() throws {
        if let status, Self.parseStatus(status) == nil { throw ValidationError("--status must be open, done or blocked (got \"\(status)\")") }
        if let priority, Priority.rank(priority, .default) == nil { throw ValidationError("--priority must be P0..P3 or a priority word such as High (got \"\(priority)\")") }
        if let format {
            guard export else { throw ValidationError("unexpected argument \"\(format)\"; did you mean --export \(format)?") }
            guard TaskExportFormat(rawValue: format.lowercased()) != nil else {
                throw ValidationError("unknown export format \"\(format)\"; use one of \(TaskExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if outputFile != nil && !export { throw ValidationError("--output needs --export") }
    }

    func run() throws {
        try runReporting {
            let console = Console()
            let journal = journal.resolved
            let index = try journal.openIndex(readOnly: true)
            let vocabulary = try journal.config().effectiveVocabulary
            if output.json && !export {
                // The stored JSON as it is: no decoding and re-encoding of every task's history.
                let statuses = status.flatMap(Self.parseStatus).map { [$0.rawValue] }
                    ?? (all ? nil : [TrackedTask.Status.open.rawValue, TrackedTask.Status.blocked.rawValue])
                let rank = priority.flatMap { Priority.rank($0, vocabulary) }
                console.out(JSONList.array(try index.taskJSON(statuses: statuses, priorityRank: rank)))
                return
            }
            var tasks = try index.tasks()
            if let status, let s = Self.parseStatus(status) {
                tasks = tasks.filter { $0.status == s }
            } else if !all && !export {
                tasks = tasks.filter { $0.status != .done }
            }
            if let priority, let rank = Priority.rank(priority, vocabulary) { tasks = tasks.filter { $0.priorityRank == rank } }
            tasks.sort { ($0.priorityRank ?? 9, $0.firstSeen, $0.id) < ($1.priorityRank ?? 9, $1.firstSeen, $1.id) }

            if export {
                let kind = TaskExportFormat(rawValue: (format ?? "json").lowercased()) ?? .json
                var links: [String: String] = [:]
                for key in try index.sessionKeys() { links[key.id] = journal.url(key.file).path }
                let text = try kind.render(tasks, .init(links: links, archonProject: project ?? ""))
                if let outputFile {
                    try AtomicFile.write(Data(text.utf8), to: outputFile)
                    console.err("wrote \(tasks.count) tasks as \(kind.rawValue) to \(outputFile)")
                } else {
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
                return
            }
            if output.json { try console.json(tasks); return }
            if tasks.isEmpty { console.out("no tasks"); return }
            for t in tasks { TaskPrinter(console: console).summary(t) }
        }
    }
}

/// Human-readable task lines.
struct TaskPrinter {
    let console: Console

    func summary(_ t: TrackedTask) {
        let status: String
        switch t.status {
        case .open: status = console.style("open   ", .yellow)
        case .blocked: status = console.style("blocked", .red)
        case .done: status = console.style("done   ", .green)
        }
        let priority = (t.priorityRank.map { Priority.label(rank: $0) } ?? "--")
        console.out("\(console.style(t.id, .bold))  \(priority)  \(status)  \(t.title)\(t.isReopened ? " (reopened)" : "")")
        var where_ = "from \(t.mentions.first.map { "\($0.session) L\($0.line)" } ?? "?")"
        if t.mentions.count > 1 { where_ += " · \(t.mentions.count) mentions, last \(t.lastSeen)" }
        if t.status == .blocked { where_ += " · blocked by \(t.dependsOn.joined(separator: ", "))" }
        if t.status == .done { where_ += " · done \(t.resolvedOn ?? "")\(t.resolvedIn.map { " in " + $0 } ?? " (pinned)")" }
        console.out("           " + console.style(where_, .dim))
    }
}
