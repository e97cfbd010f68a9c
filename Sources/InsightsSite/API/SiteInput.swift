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
public struct SiteNote: Sendable {
    public var session: Session
    public var markdown: String

    public init(session: Session, markdown: String) {
        self.session = session; self.markdown = markdown
    }
}
