import ArgumentParser

/// The `insights` command: turns session notes into a searchable knowledge base, tasks and recurring failures.
public struct InsightsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "Turn the notes you write after working sessions into a knowledge base, a task list and a map of recurring failures.",
        discussion: """
            A journal is a folder of Markdown notes (default ./journal, or --journal DIR, or $INSIGHTS_JOURNAL).
            The notes are the source of truth; the index in DIR/.insights/ is derived and can be rebuilt any time.

              insights ingest SESSION.md notes/       add notes (files, folders, globs, or - for stdin)
              insights sessions                       list sessions, newest first
              insights show 2025-12-17-session-insights
              insights search 'migrat* NOT gamification'  find findings, friction, tasks... (see search --help)
              insights check SESSION.md               what could not be classified, with hints
              insights reindex                        rebuild the index from the journal's files

            Every read command takes --json. Exit codes: 0 success (also "no results"), 1 some file or
            operation failed, 64 usage error (bad flag, bad query).
            """,
        version: "0.1.0",
        subcommands: [
            IngestCommand.self, SessionsCommand.self, ShowCommand.self, CheckCommand.self, ReindexCommand.self,
            SearchCommand.self, TasksCommand.self, TaskCommand.self, BuildCommand.self, FailuresCommand.self, FailureCommand.self,
            BriefCommand.self, NewCommand.self, MCPCommand.self,
        ]
    )

    public init() {}
}
