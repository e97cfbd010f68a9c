import Dispatch
import Foundation
import InsightsCore
import Synchronization

/// Journal files written on a thread of their own while an ingest goes on: each batch is staged (written
/// under temporary names in `.insights/staging/`) as it is added, and `finish` puts them all in place at
/// once, in the order added, before the caller commits the index. Creating 10,000 files took 2 of a cold
/// ingest's 10 seconds on the ingest's own thread.
///
/// Dropped without `finish` (the ingest failed), it removes whatever it staged; what a killed ingest left in
/// the staging folder is removed by the next writer (the caller holds the journal's lock).
public final class JournalWrites: Sendable {
    private let journal: Journal
    private let queue = DispatchQueue(label: "insights.journal-writes")
    /// What was staged, and the first error. Its own object, so a pending write never holds the writer (whose
    /// `deinit` waits for the queue, and so must not run on it).
    private let state = State()

    private final class State: Sendable {
        let value = Mutex<(staged: [AtomicFile.Staged], error: StoreError?)>(([], nil))
        /// Staged notes go to the disk while the ingest goes on, so that the flush `finish` waits for has little
        /// left to write (a cold ingest of 10,000 notes waited 0.3 s for it).
        let ahead = FlushAhead(every: 8 << 20)
    }

    /// Where files are staged: the journal's staging folder, or each file's own folder when that one is not
    /// on the journal's file system (a rename cannot cross file systems).
    private let stagingFolder: String?
    /// Batches added and not yet staged, at most `Self.pending` (each about a megabyte of notes).
    private let slots = DispatchSemaphore(value: JournalWrites.pending)
    static let pending = 8

    init(_ journal: Journal) {
        self.journal = journal
        let folder = journal.indexFolder + "/staging"
        let fm = FileManager.default
        try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] { try? fm.removeItem(atPath: folder + "/" + name) }
        var staging = stat(), home = stat()
        let isSameDevice = stat(folder, &staging) == 0 && stat(journal.path, &home) == 0 && staging.st_dev == home.st_dev
        stagingFolder = isSameDevice ? folder : nil
    }

    /// Stages `files` (paths relative to the journal folder) in the background, after those added before;
    /// waits while `pending` batches are still to be staged.
    public func add(_ files: [(data: Data, file: String)]) {
        guard !files.isEmpty else { return }
        let paths = files.map { ($0.data, journal.url($0.file).path) }
        slots.wait()
        queue.async { [state, stagingFolder, slots] in
            defer { slots.signal() }
            guard state.value.withLock({ $0.error == nil }) else { return }
            do {
                let staged = try AtomicFile.stage(paths, in: stagingFolder)
                state.value.withLock { $0.staged += staged }
                state.ahead.wrote(paths.reduce(0) { $0 + $1.0.count })
            } catch {
                let failure = error as? StoreError ?? .io(path: paths.first?.1 ?? "", reason: "\(error)")
                state.value.withLock { $0.error = failure }
            }
        }
    }

    /// Waits for every staged write, then puts them all in place (one flush; see `AtomicFile.publish`).
    /// Throws the first error of any write; nothing is put in place then.
    public func finish() throws {
        queue.sync {}
        let (staged, error) = state.value.withLock { s in
            defer { s.staged = [] }
            return (s.staged, s.error)
        }
        do {
            if let error { throw error }
            try AtomicFile.publish(staged)
        } catch {
            AtomicFile.discard(staged)
            throw error
        }
    }

    deinit {
        queue.sync {}
        AtomicFile.discard(state.value.withLock { $0.staged })
    }
}

extension Journal {
    /// A background writer of journal files (see `JournalWrites`).
    public func backgroundWrites() -> JournalWrites { JournalWrites(self) }
}
