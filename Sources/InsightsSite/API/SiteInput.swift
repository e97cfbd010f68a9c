import Foundation
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
/// `SiteNote(session: s, markdown: text)` holds the text; `SiteNote(session: s, file: "/j/2025-12-17.md")` reads it
/// from the file each time the build needs it (the plan's fingerprint, the search index, the session's page),
/// so a build does not hold every note: at 50,000 notes they were 52 MB of its peak.
public struct SiteNote: Sendable {
    public var session: Session
    private var text: Text

    enum Text: Sendable {
        case held(String)
        /// The note's file; read as UTF-8 (invalid bytes replaced), empty when it cannot be read.
        case file(String)
    }

    public init(session: Session, markdown: String) {
        self.session = session; self.text = .held(markdown)
    }

    public init(session: Session, file: String) {
        self.session = session; self.text = .file(file)
    }

    /// The note's text: held, or read from its file now.
    public var markdown: String {
        get {
            switch text {
            case .held(let markdown): return markdown
            case .file(let path): return (FileManager.default.contents(atPath: path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
        }
        set { text = .held(newValue) }
    }
}
