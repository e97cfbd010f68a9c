import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Written files sent to the disk in the background while writing goes on, so that the one flush a writer must
/// wait for at the end (before a rename makes the files visible) finds little left to write.
///
/// `let ahead = FlushAhead(every: 16 << 20)` … `ahead.wrote(bytes)` after each file … `sync()` at the end.
/// A flush runs on a thread of its own, one at a time; the writers never wait for it.
public final class FlushAhead: Sendable {
    /// Bytes written after which a flush starts (when none is running).
    public let every: Int
    private let state = Mutex((unflushed: 0, isFlushing: false))

    public init(every: Int) { self.every = every }

    /// Counts `bytes` just written; starts a flush once `every` bytes have piled up since the last one.
    public func wrote(_ bytes: Int) {
        let isDue = state.withLock { s -> Bool in
            s.unflushed += bytes
            guard s.unflushed >= every, !s.isFlushing else { return false }
            s.unflushed = 0
            s.isFlushing = true
            return true
        }
        guard isDue else { return }
        DispatchQueue.global(qos: .utility).async { [self] in
            // sync(2): Glibc's Swift module does not expose syncfs. On Linux it returns once the data is written.
            sync()
            state.withLock { $0.isFlushing = false }
        }
    }
}
