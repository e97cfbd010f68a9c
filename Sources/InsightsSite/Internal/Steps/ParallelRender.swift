import Dispatch
import Foundation
import Synchronization

/// Renders pages on every core and hands each to `write` as soon as it is rendered (pages only read the shared
/// plan, templates and options). At most one whole-journal page (`PageJob.isLarge`) renders at a time — two
/// at once held 600 MB at 10,000 notes — while the other cores keep rendering session pages: in batches,
/// a batch waited for its slowest page, the search index, with the other core idle.
enum ParallelRender {
    /// Renders every job; `write` is called with each job's index and text, from any thread, one call at a time.
    /// The first error in job order is thrown, after the jobs already started have finished.
    static func render(_ jobs: [PageJob], write: (Int, String) throws -> Void) throws {
        struct Queue {
            var large: [Int] = []
            var small: [Int] = []
            var isLargeRunning = false
            var errors: [(Int, any Error)] = []
        }
        var initial = Queue()
        for (i, job) in jobs.enumerated() { if job.isLarge { initial.large.append(i) } else { initial.small.append(i) } }
        initial.large.reverse(); initial.small.reverse()  // taken from the end, in job order
        let queue = Mutex(initial)
        let writing = Mutex(())
        // The next job for a worker: a large one when none is running, else a small one; nil when only large
        // jobs are left and another worker is rendering one (it takes the rest in turn).
        @Sendable func next() -> Int? {
            queue.withLock { q -> Int? in
                guard q.errors.isEmpty else { return nil }
                if !q.isLargeRunning, let i = q.large.popLast() { q.isLargeRunning = true; return i }
                return q.small.popLast()
            }
        }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, jobs.count))
        withoutActuallyEscaping(write) { write in
            let write = UnsafeSendable(write)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let i = next() {
                    do {
                        let text = try jobs[i].render()
                        try writing.withLock { _ in try write.value(i, text) }
                    } catch {
                        queue.withLock { $0.errors.append((i, error)) }
                    }
                    if jobs[i].isLarge { queue.withLock { $0.isLargeRunning = false } }
                }
            }
        }
        if let first = queue.withLock({ $0.errors.min { $0.0 < $1.0 } }) { throw first.1 }
    }
}

/// A non-Sendable value used from several threads where the caller serialises every use (here, a lock).
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
