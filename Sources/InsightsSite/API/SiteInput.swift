import InsightsCore

/// Everything a site build reads: the sessions with their notes, the tracked tasks and failure clusters.
///
/// `SiteInput(notes: [SiteNote(session: s, markdown: text)], tasks: index.tasks(), failures: index.failures())`
/// → the input of `SiteBuilder.build`.
public struct SiteInput: Sendable {
    public var notes: [SiteNote]
    public var tasks: [TrackedTask]
    public var failures: [FailureCluster]

    public init(notes: [SiteNote], tasks: [TrackedTask] = [], failures: [FailureCluster] = []) {
        self.notes = notes; self.tasks = tasks; self.failures = failures
    }
}

/// One session and the Markdown text of its note (rendered on the session's page).
///
/// The text is given, or read when a page needs it: `SiteNote(session: s, textKey: "notes/a.md\t812:1764…") { read() }`
/// holds no note text between pages (every note's text held through a build was 32 MB at 50,000 notes).
public struct SiteNote: Sendable {
    public var session: Session
    /// What identifies the text for incremental builds: a different key re-renders the session's page. The
    /// text itself, or anything that changes whenever it does (a file's size and modification time).
    public var textKey: String
    private var read: @Sendable () -> String

    /// The note's Markdown text (read again on each use when the note was made with `read`); set, it is held
    /// and is its own key.
    public var markdown: String {
        get { read() }
        set { textKey = newValue; read = { newValue } }
    }

    public init(session: Session, markdown: String) {
        self.session = session; self.textKey = markdown; self.read = { markdown }
    }

    public init(session: Session, textKey: String, read: @escaping @Sendable () -> String) {
        self.session = session; self.textKey = textKey; self.read = read
    }
}
