import ArgumentParser

/// The `insights` command: turns session notes into a searchable knowledge base, tasks and recurring failures.
public struct InsightsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "Turn the notes you write after working sessions into a knowledge base, a task list and a map of recurring failures.",
        discussion: """
            A journal is a folder of Markdown notes: ./journal, or --journal DIR, or
            $INSIGHTS_JOURNAL. The notes are the source of truth; the index in
            DIR/.insights/ is derived and can be rebuilt at any time.

              insights ingest SESSION.md notes/    add notes (files, folders, globs, -)
              insights sessions                    list sessions, newest first
              insights show SESSION-ID             everything extracted from one note
              insights search 'migrat* -vest'      ranked, highlighted, with file:line
              insights tasks                       open work across sessions
              insights failures                    mistakes that keep coming back
              insights brief                       what to know before the next session
              insights new "Billing migration"     start a note pre-filled from the brief
              insights mcp                         serve the journal to coding agents
              insights build                       static site in ./site
              insights check SESSION.md            what could not be classified
              insights reindex                     rebuild the index from the notes

            Every read command takes --json. Exit codes: 0 success (also "no
            results"), 1 something failed, 64 usage error (bad flag, bad query).
            """,
        version: "0.1.0",
        subcommands: [
            IngestCommand.self, SessionsCommand.self, ShowCommand.self, CheckCommand.self, ReindexCommand.self,
            SearchCommand.self, TasksCommand.self, TaskCommand.self, BuildCommand.self, FailuresCommand.self,
            FailureCommand.self, WatchCommand.self, BriefCommand.self, NewCommand.self, MCPCommand.self,
        ]
    )

    public init() {}
}
