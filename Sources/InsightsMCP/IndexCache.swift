import InsightsCLI
import Foundation
import InsightsStore

/// The journal's index, opened once and reopened when the file is replaced (after `insights reindex`).
final class IndexCache: @unchecked Sendable {
    let journal: Journal
    private let lock = NSLock()
    private var index: Index?
    private var inode: UInt64 = 0

    init(journal: Journal) { self.journal = journal }

    /// The open index; throws `StoreError` when the journal has none yet.
    func current() throws -> Index {
        lock.lock()
        defer { lock.unlock() }
        var info = stat()
        let node = stat(journal.indexPath, &info) == 0 ? UInt64(info.st_ino) : 0
        if let index, node == inode, node != 0 { return index }
        let fresh = try journal.openIndex(readOnly: true)
        index = fresh
        inode = node
        return fresh
    }
}
