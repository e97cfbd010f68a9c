import Foundation

/// An exclusive lock on a journal for writers (`ingest`, `reindex`, pins), held with `flock(2)`.
///
/// A second writer waits; `onWait` is called once so the CLI can say "waiting for ...". The kernel drops
/// the lock when the process dies, so a killed ingest never leaves a stale lock behind.
public final class JournalLock {
    private let fd: Int32

    /// Takes the lock on `journal`, waiting if another process holds it.
    public init(_ journal: Journal, onWait: () -> Void = {}) throws {
        try journal.create()
        let path = journal.indexFolder + "/lock"
        fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw StoreError.io(path: path, reason: "cannot open lock file (\(String(cString: strerror(errno))))") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            onWait()
            guard flock(fd, LOCK_EX) == 0 else {
                close(fd)
                throw StoreError.io(path: path, reason: "cannot lock the journal (\(String(cString: strerror(errno))))")
            }
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
