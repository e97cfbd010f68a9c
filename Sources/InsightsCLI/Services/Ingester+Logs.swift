import Foundation
import InsightsCore
import InsightsStore

extension Ingester {
    /// What ingesting one multi-entry log decided: a result per entry, the sessions to store, the journal copy
    /// to write and the entries that are gone from the log.
    struct LogOutcome {
        var results: [FileResult] = []
        var stored: [StoredSession] = []
        var write: (file: String, data: Data)?
        var removing: [String] = []
    }

    /// The split mode for a note: `--split` when given, else the mode recorded for its journal file, else auto.
    func splitMode(journalFile: String?, splits: [String: SplitMode]) -> SplitMode {
        split ?? journalFile.flatMap { splits[$0] } ?? .auto
    }

    /// Matches a log's entries with the sessions already read from its journal file: same text → unchanged
    /// (re-stored only when it moved), same id → updated in place, else added; stored entries no longer in
    /// the log are removed. The journal keeps the log's bytes once, in `file`.
    func ingestLog(_ note: NoteInput, entries: [Session], journalFile: String?, file: String,
                   keys: inout SessionKeys, sources: inout [String: String]) -> LogOutcome {
        let absolute = note.path == "-" ? nil : FilePaths.standardized(note.path)
        let siblings = keys.all.filter { $0.file == file }.sorted { ($0.entryStart ?? 0, $0.id) < ($1.entryStart ?? 0, $1.id) }
        var claimed = Set<String>()
        var out = LogOutcome()
        for var session in entries {
            guard let entry = session.entry else { continue }
            let free = siblings.filter { $0.entryStart != nil && !claimed.contains($0.id) }
            let status: Outcome
            var isMoved = false
            if let same = free.first(where: { $0.hash == session.hash }) {
                session.id = same.id
                status = .unchanged
                isMoved = same.entryStart != entry.startLine
            } else if let same = free.first(where: { $0.id == session.id }) {
                status = .updated
                session.id = same.id
            } else {
                status = .added
                session.id = uniqueEntryID(session.id, file: file, keys: keys, siblings: siblings, claimed: claimed)
            }
            claimed.insert(session.id)
            if journalFile == nil {
                session.source = absolute ?? "-"
                if let absolute { sources[session.id] = absolute }
            } else {
                session.source = sources[session.id] ?? note.path
            }
            keys.insert(SessionKey(id: session.id, file: file, hash: session.hash, title: session.title, date: session.date,
                                   source: session.source, entryStart: entry.startLine))
            if status != .unchanged || isMoved { out.stored.append(StoredSession(session: session, file: file)) }
            out.results.append(FileResult(path: note.path, status: status, id: session.id, file: file,
                                          counts: status == .unchanged ? nil : Counts(session),
                                          lines: "\(entry.startLine)-\(entry.endLine)"))
        }
        out.removing = siblings.map(\.id).filter { !claimed.contains($0) }
        for id in out.removing {
            keys.remove(id)
            if journalFile == nil { sources[id] = nil }
        }
        if journalFile == nil, (try? journal.read(file)) != note.data { out.write = (file, note.data) }
        return out
    }

    /// An entry's id, made unique against other sessions (not against the whole-note session it replaces).
    func uniqueEntryID(_ id: String, file: String, keys: SessionKeys, siblings: [SessionKey], claimed: Set<String>) -> String {
        let replaced = Set(siblings.filter { $0.entryStart == nil }.map(\.id))
        func isTaken(_ c: String) -> Bool {
            claimed.contains(c) || (keys.withID(c) != nil && !replaced.contains(c)) || (c + ".md" != file && journal.exists(c + ".md"))
        }
        var candidate = id
        var n = 2
        while isTaken(candidate) { candidate = "\(id)-\(n)"; n += 1 }
        return candidate
    }

    /// The journal file for a log ingested from outside the journal: its folder and name, slugged
    /// (`open-christian-data/PROJECT_JOURNAL.md` → `open-christian-data-project-journal.md`), made unique.
    func newLogFile(for path: String, keys: SessionKeys) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let folder = url.deletingLastPathComponent().lastPathComponent
        let name = url.deletingPathExtension().lastPathComponent
        let base = path == "-" ? "log" : Slug.make(folder.isEmpty || folder == "/" ? name : folder + " " + name, maxLength: 60)
        var candidate = base + ".md"
        var n = 2
        while journal.exists(candidate) || keys.withFile(candidate) != nil { candidate = "\(base)-\(n).md"; n += 1 }
        return candidate
    }
}
