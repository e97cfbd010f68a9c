import Foundation
import InsightsCore

/// Everything a site build reads: the sessions with their notes, the tracked tasks and failure clusters.
///
/// `SiteInput(notes: [SiteNote(session: s, markdown: text)], tasks: index.tasks(), failures: index.failures())`
/// → the input of `SiteBuilder.build`. `SiteInput(sessions: source, …)` has the build read its sessions from
/// `source` a few hundred at a time instead (see `SiteSessions`).
public struct SiteInput: Sendable {
    /// The sessions, held (used when `sessions` is nil).
    public var notes: [SiteNote]
    /// Where the sessions are read from instead, when set (`notes` is then ignored).
    public var sessions: (any SiteSessions)?
    public var tasks: [TrackedTask]
    public var failures: [FailureCluster]

    public init(notes: [SiteNote], tasks: [TrackedTask] = [], failures: [FailureCluster] = []) {
        self.notes = notes; self.tasks = tasks; self.failures = failures
    }

    public init(sessions: any SiteSessions, tasks: [TrackedTask] = [], failures: [FailureCluster] = []) {
        self.notes = []; self.sessions = sessions; self.tasks = tasks; self.failures = failures
    }
}

/// Where a build reads its sessions from: asked for a few hundred at a time, once to plan the site and again
/// for each page that shows them (session pages, findings, friction, the search index), so the build holds a
/// short summary of every session but never every session (at 50,000 notes they were 136 MB of its peak).
public protocol SiteSessions: Sendable {
    /// Every session's id, in any order (one given twice counts once).
    func ids() throws -> [String]
    /// The sessions with these ids, with their notes, in any order; an id it no longer has is left out.
    func notes(_ ids: [String]) throws -> [SiteNote]
    /// The same with only each session's id, title, date and `part` (a page that lists every finding reads
    /// nothing else); the default reads them whole.
    func notes(_ ids: [String], only part: SessionPart) throws -> [SiteNote]
}

extension SiteSessions {
    public func notes(_ ids: [String], only part: SessionPart) throws -> [SiteNote] { try notes(ids) }
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
