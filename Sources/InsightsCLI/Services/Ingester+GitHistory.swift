import Foundation
import InsightsCore
import InsightsStore

extension Ingester {
    /// Ingests every committed version of a rolling note as a session of its own (`--git-history`): dated by
    /// the note, or by its commit when the note carries no date; the journal keeps each version's bytes as
    /// `YYYY-MM-DD-slug.md`, read whole on reindex. A version whose bytes (blob) are already in the index is
    /// unchanged, so running it again adds only new commits.
    func ingest(versions: [GitVersion], of path: String, isDryRun: Bool) throws -> Report {
        let index: Index? = isDryRun
            ? (FileManager.default.fileExists(atPath: journal.indexPath) ? try journal.openIndex(readOnly: true) : nil)
            : try journal.openIndex()
        var keys = SessionKeys(try index?.sessionKeys() ?? [])
        var sources = journal.sources()
        var splits = journal.splitModes()
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var report = Report()
        if isDryRun { report.sessions = [] }
        var toStore: [StoredSession] = []
        var toWrite: [(file: String, data: Data)] = []
        let folderNames = FolderNames(journal)

        for version in versions {
            let shown = "\(path)@\(version.commit.prefix(10))"
            let note: NoteInput
            switch NoteInput.make(path: shown, data: version.data, isLossy: false) {
            case .failure(let rejection):
                report.files.append(FileResult(path: shown, status: .failed, reason: rejection.reason))
                continue
            case .success(let ok): note = ok
            }
            let hash = SHA256.hex(note.data)
            let source = absolute + "@" + version.blob
            if let same = keys.withHash(hash) ?? keys.all.first(where: { $0.source == source }) {
                report.files.append(FileResult(path: shown, status: .unchanged, id: same.id, file: same.file))
                continue
            }
            var session = parser.session(from: note.text, fileName: nil)
            if session.dateSource == "none" { NoteExtractor.redate(&session, to: version.date, source: "commit") }
            session.hash = hash
            session.source = source
            session.id = uniqueID(session.id, taken: keys, in: folderNames, data: note.data)
            let file = session.id + ".md"
            if isDryRun { report.sessions?.append(session) }
            keys.insert(SessionKey(id: session.id, file: file, hash: hash, title: session.title, date: session.date, source: source))
            sources[session.id] = source
            splits[file] = SplitMode.none
            toStore.append(StoredSession(session: session, file: file))
            toWrite.append((file, note.data))
            report.files.append(FileResult(path: shown, status: .added, id: session.id, file: file, counts: Counts(session)))
        }

        guard !isDryRun, let index, !toStore.isEmpty else { return report }
        for (file, data) in toWrite { try journal.write(data, to: file) }
        try journal.writeSources(sources)
        try journal.writeSplitModes(splits)
        try index.write(sessions: consume toStore, then: Derived.recompute(journal: journal))
        return report
    }
}
