import ArgumentParser
import Foundation
import InsightsCore
import InsightsSite
import InsightsStore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the knowledge base as a static HTML site that works offline, straight from the file system.",
        discussion: """
              insights build                          journal -> site/ (incremental: unchanged pages are not rewritten)
              insights build --output public/ --base-url /kb/ --title "Team insights"
              open site/index.html

            The next site is assembled beside the output folder (.NAME.building/, unchanged pages hard-linked) \
            and swapped in, so an interrupted build leaves the previous site; files of your own in the output \
            folder (a CNAME, say) are kept. With nothing changed since the last build it stops after one comparison.

            Templates: the defaults are built in; put a file of the same name (layout.mustache, session.mustache,
            style.css, ...) in JOURNAL/templates/ to override it.
            """)

    @OptionGroup var journal: JournalOptions
    @OptionGroup var output: OutputOptions

    @Option(name: [.customLong("output"), .customShort("o")], help: ArgumentHelp("The site folder.", valueName: "dir"))
    var folder = "site"

    @Option(name: .long, help: ArgumentHelp("Public URL prefix for canonical links (e.g. /kb/); links between pages stay relative.", valueName: "url"))
    var baseURL = ""

    @Option(name: .long, help: "The site's title (default: insights.json's title, else \"Insights\").")
    var title: String?

    @Flag(name: .long, help: "Let raw HTML and javascript: links in notes through (notes are untrusted: off by default).")
    var unsafeHTML = false

    /// A journal of at most this many sessions is read whole, once, for its site; a larger one is read back
    /// from the index a batch at a time by each page that shows its sessions (`IndexSessions`), so the build's
    /// memory does not grow with the notes. 20,000 sessions are about 60 MB held; reading a 10,000-note journal
    /// three times instead of once took 16% more CPU. The site is the same either way (the tests set 0).
    @Option(name: .long, help: .hidden)
    var heldSessions = 20_000

    func validate() throws {
        if folder.isEmpty { throw ValidationError("--output needs a folder") }
        if baseURL.contains("\"") || baseURL.contains("<") || baseURL.lowercased().hasPrefix("javascript:") {
            throw ValidationError("--base-url must be a plain URL prefix such as /kb/")
        }
    }

    func run() throws {
        try runReporting {
            let console = Console()
            let journal = journal.resolved
            let config = try journal.config()
            // One content throughout, though an ingest may commit while the site is built (a large journal's
            // sessions are read back from the index many times).
            // Two connections on that one content: tasks and clusters are decoded on the second while the sessions
            // are read on the first (see `input`).
            let (index, derivedIndex) = try journal.openIndex(readOnly: true).snapshots()
            var keys = try index.sessionKeys()
            let templates = try TemplateSet.defaults.overridden(byFolder: journal.path + "/templates")
            let options = SiteOptions(title: title ?? config.title ?? "Insights", baseURL: baseURL, allowUnsafeHTML: unsafeHTML)
            let builder = SiteBuilder(options: options, templates: templates)
            // Nothing changed since the last build into this folder: stop before loading anything.
            let source = try BuildSource.digest(index: index, keys: keys, journal: journal)
            if let source, let report = builder.upToDate(source: source, in: folder) {
                try show(report, templates: templates, console: console)
                return
            }
            // Notes whose file is gone are said once, here; their pages show the extracted items only.
            var missing: Set<String> = []
            for key in keys where !FileManager.default.isReadableFile(atPath: journal.path + "/" + key.file) {
                console.err("insights: \(key.id): note file not found; its page shows the extracted items only")
                missing.insert(key.id)
            }
            let files = keys.count <= heldSessions ? Dictionary(keys.map { ($0.id, $0.file) }, uniquingKeysWith: { a, _ in a }) : nil
            keys = []  // the sessions' keys (30 MB at 50,000 notes) are not needed past here
            let report: BuildReport
            do {
                // Made in the call, so the build owns the only copy and can let its parts go.
                report = try builder.build(try Self.input(index: index, derivedFrom: derivedIndex, journal: journal,
                                                          files: files, missing: missing),
                                           to: folder, source: source)
            } catch let error as SiteError {
                throw CLIError.failure(error.description)
            }
            try show(report, templates: templates, console: console)
        }
    }

    /// The site's input: the tasks and failure clusters, and the sessions, each with its note's file (read when
    /// the build needs the text). With `files` (session id → note file) the sessions are read whole, once;
    /// without, the build reads them back from the index a batch at a time. `missing`: sessions whose note
    /// file is gone (their pages show the extracted items only).
    /// The tasks and clusters are read from `derived` (a second snapshot of the same content, see
    /// `Index.snapshots`) while the sessions are read from `index`: one after the other, each read's fetching
    /// left a core idle (at 10,000 notes both were done 0.50 s into a build, now 0.42 s).
    static func input(index: Index, derivedFrom derived: Index, journal: Journal, files: [String: String]?,
                      missing: Set<String>) throws -> SiteInput {
        let tracked = Background { (tasks: try derived.tasks(), failures: try derived.failures()) }
        var input: SiteInput
        do {
            input = try sessionsInput(index: index, journal: journal, files: files, missing: missing)
        } catch {
            _ = try? tracked.value()  // not left reading past the build
            throw error
        }
        (input.tasks, input.failures) = try tracked.value()
        FreedMemory.release()  // what decoding freed on every core
        return input
    }

    /// The site's input without its tasks and clusters (see `input`).
    private static func sessionsInput(index: Index, journal: Journal, files: [String: String]?, missing: Set<String>) throws -> SiteInput {
        var input: SiteInput
        if let files {
            input = SiteInput(notes: try index.sessions().map { session in
                guard let file = files[session.id], !missing.contains(session.id) else { return SiteNote(session: session, markdown: "") }
                return SiteNote(session: session, file: journal.path + "/" + file)
            })
        } else {
            input = SiteInput(sessions: IndexSessions(index: index, journal: journal, missing: missing))
        }
        return input
    }

    func show(_ report: BuildReport, templates: TemplateSet, console: Console) throws {
        if output.json { try console.json(report); return }
        if !templates.overridden.isEmpty { console.err("templates overridden: " + templates.overridden.joined(separator: ", ")) }
        let ratio = report.siteTextBytes == 0 ? 0 : Double(report.searchIndexBytes) * 100 / Double(report.siteTextBytes)
        console.out("\(folder): \(report.written.count) written, \(report.unchanged.count) unchanged, \(report.removed.count) removed")
        console.out(String(format: "search index %@ (%.1f%% of %@ of pages)", Self.size(report.searchIndexBytes), ratio,
                           Self.size(report.siteTextBytes)))
        // `--output site/` opens site/index.html, not site//index.html.
        var shown = Substring(folder)
        while shown.count > 1 && shown.hasSuffix("/") { shown = shown.dropLast() }
        console.out("open \(shown == "/" ? "" : shown)/index.html")
    }

    static func size(_ bytes: Int) -> String {
        bytes < 10_000 ? "\(bytes) B" : bytes < 10_000_000 ? "\(bytes / 1000) kB" : "\(bytes / 1_000_000) MB"
    }
}
