import ArgumentParser
import Foundation
import InsightsCore
import InsightsStore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a session note from the template, pre-filled with the brief's open tasks and warnings.",
        discussion: """
            Writes DIR/YYYY-MM-DD-title-slug.md from DIR/templates/note.md (or the built-in template), with the
            open P0/P1, reopened and last-session tasks as "- [ ]" items and a "Watch out for" list of failures and their
            last fix. Opens $VISUAL or $EDITOR when run on a terminal (not with --no-edit). Never overwrites a
            note: if the file exists it says so and exits 1. Ingest the note when you have written it.

              insights new "Billing migration"
              insights new "Billing migration" --date 2026-12-01 --no-edit

            Template placeholders: {{title}}, {{date}}, {{open_tasks}}, {{watch_out_for}}.
            """)

    @OptionGroup var journal: JournalOptions
    @OptionGroup var options: BriefOptions

    @Option(name: .long, help: ArgumentHelp("The session's day (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    @Flag(name: .long, help: "Do not open an editor, even on a terminal.")
    var noEdit = false

    @Argument(help: ArgumentHelp("The session's title.", valueName: "title"))
    var title: String

    func validate() throws {
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("give the note a title, e.g. insights new \"Billing migration\"") }
        if let date, !SinceDate.isDay(date) { throw ValidationError("--date '\(date)' is not a day; write it as YYYY-MM-DD, e.g. 2026-01-31") }
    }

    func run() throws {
        try runReporting {
            let console = Console()
            let journal = journal.resolved
            let day = date ?? Ingester.todayString()
            let cleanTitle = NoteTemplate.oneLine(title)
            let file = "\(day)-\(Slug.make(cleanTitle)).md"
            if journal.exists(file) {
                throw CLIError.failure("\(journal.url(file).path) already exists; edit it, or pick another title or --date")
            }
            let brief: Brief
            if FileManager.default.fileExists(atPath: journal.indexPath) {
                brief = try options.brief(try journal.openIndex(readOnly: true), today: day)
            } else {
                console.err("no index in \(journal.path) yet: the note starts without open tasks (run `insights reindex` to fill them in)")
                brief = Brief.make(tasks: [], failures: [], today: day)
            }
            let text = NoteTemplate.render(try NoteTemplateFile.text(for: journal), title: cleanTitle, date: day, brief: brief)
            // Under the journal's writer lock, checked again: another `new` may have written the same name meanwhile.
            try {
                let lock = try JournalLock(journal) { console.err("waiting for another insights process writing to \(journal.path) ...") }
                defer { withExtendedLifetime(lock) {} }
                if journal.exists(file) { throw CLIError.failure("\(journal.url(file).path) already exists") }
                try journal.write(Data(text.utf8), to: file)
            }()
            let path = journal.url(file).path
            console.out(path)
            console.err("wrote \(path) with \(brief.openTasks.count + brief.reopened.count + brief.leftOpen.count) open tasks and \(brief.warnings.count + brief.watchOutFor.count) failures to watch; ingest it when done: insights ingest \(path)")
            if !noEdit && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 { try openEditor(path, console: console) }
        }
    }

    /// Runs `$VISUAL` or `$EDITOR` (through the shell, so `code -w` works) on `path`, waiting for it.
    private func openEditor(_ path: String, console: Console) throws {
        let env = ProcessInfo.processInfo.environment
        guard let editor = [env["VISUAL"], env["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            console.err("set $EDITOR to open new notes automatically")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editor + " \"$1\"", "sh", path]
        do { try process.run() } catch { throw CLIError.failure("cannot run $EDITOR '\(editor)': \(error.localizedDescription)") }
        process.waitUntilExit()
        if process.terminationStatus != 0 { console.err("the editor exited with status \(process.terminationStatus); the note is kept at \(path)") }
    }
}
