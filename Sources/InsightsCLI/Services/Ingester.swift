import Foundation
import InsightsCore
import InsightsMarkdown
import InsightsStore

/// Ingests notes into a journal: parse, decide added / updated / unchanged, copy the note's exact bytes into
/// the journal (atomically), and index the whole batch in one transaction.
package struct Ingester {
    let journal: Journal
    let parser: NoteParser
    /// Today's date (`YYYY-MM-DD`), for notes that carry no date at all.
    let today: String
    /// `--split`: how to read multi-entry logs; nil uses the mode recorded for the file, else `auto`.
    var split: SplitMode?
    /// An ingest of at least this many notes, and at least as many as the index holds, rebuilds the search
    /// index once at the end instead of item by item (see `IndexBatch.beginBulk`).
    var bulkNotes = 500
    /// Whether the ingest starts from no sessions at all, whatever the index holds (`insights reindex`).
    var rebuildsIndex = false

    package init(journal: Journal, vocabulary: Vocabulary, today: String = Ingester.todayString()) {
        self.journal = journal
        self.parser = NoteParser(vocabulary: vocabulary)
        self.today = today
    }

    /// Ingests `inputs` (read as they are reached, see `NoteInputs`); rejected inputs are reported as failed and
    /// the rest still go in.
    /// With `isDryRun`, nothing is written and the report carries the extracted sessions.
    package func ingest<Inputs: Collection>(_ inputs: Inputs, isDryRun: Bool,
                progress: (Int, Int) -> Void = { _, _ in }) throws -> Report
    where Inputs.Element == Result<NoteInput, NoteInput.Rejection> {
        var index: Index?
        if isDryRun {
            index = FileManager.default.fileExists(atPath: journal.indexPath) ? try journal.openIndex(readOnly: true) : nil
        } else if !rebuildsIndex {
            index = try journal.openIndex(verifies: false)  // verified below, only when there is something to write
        }
        var keys = SessionKeys(try index?.sessionKeys() ?? [])
        // Starting from no sessions (a first ingest, a reindex), the index is built anew beside the journal's and
        // put in place whole at the end (`Index.openNew`: no log, no flush per write; a kill leaves the old one).
        let building: Journal? = !isDryRun && keys.count == 0 ? journal.withIndex(named: Self.buildingIndex) : nil
        if let building {
            // An index that reads as empty because it is damaged is reported with its fix, not replaced.
            try index?.verify()
            index = nil
            index = try building.openNewIndex()
        }
        var originalSources = journal.sources()
        var sources = originalSources
        var splits = journal.splitModes()
        let originalSplits = splits
        var sourceIDs = Dictionary(sources.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        var report = Report()
        // Sessions decided since the last flush, stored a batch at a time inside the one transaction (holding
        // every parsed session until the end was most of a 50,000-note ingest's memory).
        var toStore: [StoredSession] = []
        var toRemove: [String] = []
        var storedIDs = Set<String>()
        var toWrite: [(file: String, data: Data)] = []
        var toWriteBytes = 0
        // Notes to copy go to a writer of their own as they pile up (holding them all took 200 MB at 50,000
        // notes), and are put in place before the index commits, so an index entry never exists without its note.
        let noteWrites = isDryRun ? nil : journal.backgroundWrites()
        let folderNames = FolderNames(journal)
        var isVerified = false
        func verify(_ batch: IndexBatch) throws {
            if !isVerified { try batch.verify(); isVerified = true }
        }
        let heldAtStart = keys.count
        func writeNotes(_ batch: IndexBatch?, atLeast bytes: Int) throws {
            guard let batch, let noteWrites, !toWrite.isEmpty, toWriteBytes >= bytes else { return }
            try verify(batch)
            noteWrites.add(toWrite.map { ($0.data, $0.file) })
            toWrite.removeAll(keepingCapacity: true); toWriteBytes = 0
        }
        // Removals never take a session this command stores (they name entries gone from a log).
        func flush(_ batch: IndexBatch?) throws {
            guard let batch, !toStore.isEmpty || !toRemove.isEmpty else { return }
            try verify(batch)
            // Most of the index is being written (a first ingest, a reindex): from here its text is indexed once
            // at the end instead of item by item, rows indexed so far included (`beginBulk`).
            let stored = storedIDs.count + toStore.count
            if stored >= bulkNotes && stored >= heldAtStart { try batch.beginBulk() }
            try batch.remove(toRemove.filter { !storedIDs.contains($0) })
            storedIDs.formUnion(toStore.map(\.session.id))
            try batch.store(toStore)
            toStore.removeAll(keepingCapacity: true); toRemove.removeAll(keepingCapacity: true)
        }
        if isDryRun { report.sessions = [] }
        var resolvedFolders: [String: String] = [:]
        let journalRoot = (FilePaths.resolved(journal.path) ?? FilePaths.standardized(journal.path)) + "/"

        // Where a note is: its path inside the journal (when it lives there) and its absolute path.
        func locate(_ note: NoteInput) -> (journalFile: String?, absolute: String?) {
            (journalRelativePath(of: note.path, root: journalRoot, folders: &resolvedFolders),
             note.path == "-" ? nil : FilePaths.standardized(note.path))
        }
        // The journal file a note already has (itself, or the copy made when it was last ingested), and how to
        // split it: these depend on the notes decided before it.
        func place(_ at: (journalFile: String?, absolute: String?)) -> (knownFile: String?, mode: SplitMode) {
            let knownFile = at.journalFile ?? at.absolute.flatMap { sourceIDs[$0] }.flatMap { keys.withID($0)?.file }
            return (knownFile, splitMode(journalFile: knownFile, splits: splits))
        }
        var n = 0
        var position = inputs.startIndex
        // Notes already stored when the ingest began are hashed but not parsed ahead.
        var knownHashes: Set<String> = isDryRun ? [] : Set(keys.all.map(\.hash))
        // A batch of notes read in order, then hashed and parsed in the background on every core (parsing is
        // most of a cold ingest) while the batch before it is decided and stored.
        func nextBatch() -> (inputs: [Result<NoteInput, NoteInput.Rejection>], locations: [(journalFile: String?, absolute: String?)?],
                             parsed: Background<[Prepared?]>)? {
            guard position != inputs.endIndex else { return nil }
            var batch: [Result<NoteInput, NoteInput.Rejection>] = []
            while position != inputs.endIndex && batch.count < Self.parseBatch {
                batch.append(inputs[position]); position = inputs.index(after: position)
            }
            let locations = batch.map { input in (try? input.get()).map(locate) }
            // The split mode as it stands before the batch ahead of this one is decided; a note whose mode
            // that batch changes is parsed again when it is decided.
            let work = Array(zip(batch, locations.map { $0.map { place($0).mode } ?? .auto }))
            let parsed = Background { [parser, today, knownHashes] in try Self.prepare(work, skipping: knownHashes, parser: parser, today: today) }
            return (batch, locations, parsed)
        }
        // Every input decided in order; with a batch, what changes is stored as it is decided.
        func decideAll(_ writes: IndexBatch?) throws {
            var upcoming = [nextBatch()].compactMap { $0 }
            while !upcoming.isEmpty {
                let current = upcoming.removeFirst()
                let parsed = try current.parsed.value()
                while upcoming.count < Self.batchesAhead, let next = nextBatch() { upcoming.append(next) }
                // Deciding what each note is stays sequential, in input order.
                for ((input, prepared), location) in zip(zip(current.inputs, parsed), current.locations) {
                    n += 1
                    progress(n, inputs.count)
                    let note: NoteInput
                    switch input {
                    case .failure(let rejection):
                        report.files.append(FileResult(path: rejection.path, status: .failed, reason: rejection.reason))
                        continue
                    case .success(let ok): note = ok
                    }
                    // Hash first: an unchanged note costs a hash and a lookup, no parse.
                    let hash = prepared?.hash ?? SHA256.hex(note.data)
                    let (journalFile, absolute) = location ?? locate(note)
                    let (knownFile, mode) = place((journalFile, absolute))
                    if !isDryRun, let same = keys.withHash(hash), split == nil || (splits[same.file] ?? .auto) == mode {
                        report.files.append(FileResult(path: note.path, status: .unchanged, id: same.id, file: same.file))
                        continue
                    }
                    // Parsed ahead unless a note earlier in this batch changed how this one splits (or it was skipped as known).
                    let ahead = prepared?.mode == mode ? prepared?.parsed : nil
                    let entries = ahead?.entries
                        ?? parser.entrySessions(from: note.text, fileName: note.path == "-" ? nil : note.path, mode: mode)
                    if !entries.isEmpty {
                        let file = knownFile ?? newLogFile(for: note.path, keys: keys)
                        let log = ingestLog(note, entries: entries, journalFile: journalFile, file: file, keys: &keys, sources: &sources)
                        if isDryRun { report.sessions? += entries }
                        if split != nil { splits[file] = mode == .auto ? nil : mode }
                        report.files += log.results
                        toStore += log.stored
                        toRemove += log.removing
                        if let write = log.write { toWrite.append(write); toWriteBytes += write.data.count }
                        continue
                    }
                    var session = ahead?.session
                        ?? parser.session(from: note.text, fileName: note.path == "-" ? nil : note.path, fallbackDate: today)
                    session.hash = hash
                    session.source = note.path
                    if isDryRun {
                        report.sessions?.append(session)
                        if let same = keys.withHash(hash) {
                            report.files.append(FileResult(path: note.path, status: .unchanged, id: same.id, file: same.file))
                            continue
                        }
                    }
                    var existing: SessionKey?
                    if let journalFile {
                        existing = keys.withFile(journalFile).flatMap { $0.entryStart == nil ? $0 : nil }
                    } else {
                        existing = absolute.flatMap { sourceIDs[$0] }.flatMap { keys.withID($0) }
                            ?? keys.withTitle(session.title, date: session.date).flatMap { key in
                                isSameNote(key, as: note.text) ? key : nil
                            }
                    }
                    let outcome: Outcome
                    let file: String
                    if let existing, existing.entryStart != nil {
                        // A log read whole now (--split none): one session named after its journal file.
                        session.id = Self.id(forJournalFile: existing.file)
                        file = existing.file
                        outcome = .updated
                        for key in Array(keys.all) where key.file == file && key.id != session.id { keys.remove(key.id); sources[key.id] = nil }
                    } else if let existing {
                        session.id = existing.id
                        file = existing.file
                        outcome = .updated
                    } else if let journalFile {
                        session.id = Self.id(forJournalFile: journalFile)
                        file = journalFile
                        outcome = .added
                    } else {
                        session.id = uniqueID(session.id, taken: keys, in: folderNames, data: note.data)
                        file = session.id + ".md"
                        outcome = .added
                    }
                    if journalFile == nil { session.source = absolute ?? "-" } else if let origin = sources[session.id] { session.source = origin }
                    keys.insert(SessionKey(id: session.id, file: file, hash: session.hash, title: session.title, date: session.date, source: session.source))
                    if let absolute, journalFile == nil { sources[session.id] = absolute }
                    if split != nil { splits[file] = mode == .auto ? nil : mode }
                    toStore.append(StoredSession(session: session, file: file))
                    if journalFile == nil { toWrite.append((file, note.data)); toWriteBytes += note.data.count }
                    report.files.append(FileResult(path: note.path, status: outcome, id: session.id, file: file, counts: Counts(session)))
                }
                try flush(writes)
                try writeNotes(writes, atLeast: Self.noteBytesPerWrite)
            }
        }

        guard !isDryRun, let index else {
            try decideAll(nil)
            return report
        }
        do {
            // One transaction: sessions are stored as they are decided, the notes are copied into the journal
            // (each atomically) before it commits, and tasks and failures are recomputed in it. A kill before the
            // commit leaves notes the next ingest or reindex picks up, never an index entry without its note.
            // The notes are put in place (a flush that waits on the disk: 0.15 s of a cold ingest of 10,000 notes)
            // while tasks and failures are recomputed; the index commits only once they are.
            var publishing: Background<Void>?
            try index.writing({ batch in
                if building != nil { batch.keepInputs(expecting: inputs.count) }
                try decideAll(batch)
                guard batch.hasChanges else { return }
                try writeNotes(batch, atLeast: 0)
                // What only deciding needs goes before tasks and failures are recomputed, which then reuse its
                // memory (the keys of 50,000 sessions are 65 MB, their sources 22).
                keys = SessionKeys([]); storedIDs = []; resolvedFolders = [:]; knownHashes = []; sourceIDs = [:]
                if sources != originalSources { try journal.writeSources(sources) }
                if splits != originalSplits { try journal.writeSplitModes(splits) }
                sources = [:]; originalSources = [:]
                if let noteWrites { publishing = Background { try noteWrites.finish() } }
            }, then: { tx in
                do { try Derived.recompute(journal: journal)(tx) } catch {
                    _ = try? publishing?.value()
                    throw error
                }
                try publishing?.value()
            })
            if let building {
                try index.finishBuilding()
                try journal.replaceIndex(with: building)
            }
        } catch {
            if let building { try? building.removeIndex() }
            throw error
        }
        return report
    }

    /// The index file a new index is built in, in the journal's index folder.
    static let buildingIndex = "index.sqlite.rebuilding"

    /// Note bytes held before they are handed to the journal's writer.
    static let noteBytesPerWrite = 1 << 20

    /// Notes hashed and parsed together on every core.
    static let parseBatch = 32

    /// Batches parsed ahead of the one being decided: with one, the cores idled whenever it was parsed before
    /// this thread had stored the batch before it (a cold ingest of 10,000 notes: 6.47 → 5.70 s, mean of 3).
    static let batchesAhead = 6

    /// A note's hash, and unless its hash is in `skipping`, its parse for `mode`: its entries when it is a
    /// multi-entry log, else its one session.
    struct Prepared: Sendable {
        var hash: String
        var mode: SplitMode
        var parsed: (entries: [Session], session: Session?)?
    }

    /// `prepare` of each readable input, on every core.
    static func prepare(_ inputs: [(Result<NoteInput, NoteInput.Rejection>, SplitMode)], skipping known: Set<String>,
                        parser: NoteParser, today: String) throws -> [Prepared?] {
        try Parallel.map(inputs) { input, mode in
            (try? input.get()).map { prepare($0, mode: mode, skipping: known, parser: parser, today: today) }
        }
    }

    static func prepare(_ note: NoteInput, mode: SplitMode, skipping known: Set<String>, parser: NoteParser,
                        today: String) -> Prepared {
        let hash = SHA256.hex(note.data)
        guard !known.contains(hash) else { return Prepared(hash: hash, mode: mode, parsed: nil) }
        let name = note.path == "-" ? nil : note.path
        let entries = parser.entrySessions(from: note.text, fileName: name, mode: mode)
        let session = entries.isEmpty ? parser.session(from: note.text, fileName: name, fallbackDate: today) : nil
        return Prepared(hash: hash, mode: mode, parsed: (entries, session))
    }

    /// Today (`YYYY-MM-DD`, UTC): the date of a note that carries none.
    package static func todayString() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }
}
