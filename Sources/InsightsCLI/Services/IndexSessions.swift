import Foundation
import InsightsCore
import InsightsSite
import InsightsStore

/// The sessions of a site build, read from the index a batch at a time, each with its note's file (read when
/// the build needs the text). Notes whose file is gone (`missing`) show the extracted items only.
struct IndexSessions: SiteSessions {
    let index: Index
    let journal: Journal
    /// Ids of sessions whose note file could not be read when the build started.
    let missing: Set<String>

    func ids() throws -> [String] { try index.sessionIDs() }

    func notes(_ ids: [String]) throws -> [SiteNote] {
        try index.sessions(ids: ids).map { stored in
            missing.contains(stored.session.id) ? SiteNote(session: stored.session, markdown: "")
                : SiteNote(session: stored.session, file: journal.path + "/" + stored.file)
        }
    }

    func notes(_ ids: [String], only part: SessionPart) throws -> [SiteNote] {
        try index.sessions(ids: ids, only: part).map { SiteNote(session: $0.session, markdown: "") }
    }
}
