import Dispatch
import Foundation

/// Renders pages on every core and hands each to `write` as soon as it is rendered (pages only read the shared
/// plan, templates and options). At most one whole-journal page (`PageJob.isLarge`) renders at a time — two
/// at once held 600 MB at 10,000 notes — while the other cores keep rendering session pages: in batches,
/// a batch waited for its slowest page, the search index, with the other core idle.
enum ParallelRender {
    /// Renders every job into the file `open` gives it (called from any thread, each time for another job);
    /// returns each written job's index and byte count, in job order. The first error in job order is thrown,
    /// after the jobs already started have finished. `written` is told each written page's size as it is done.
    static func render(_ jobs: [PageJob], open: @Sendable (Int) throws -> PageOutput,
                       written: @Sendable (Int) -> Void = { _ in }) throws -> [(index: Int, bytes: Int)] {
        var initial = JobQueue.State()
        for (i, job) in jobs.enumerated() { if job.isLarge { initial.large.append(i) } else { initial.small.append(i) } }
        initial.large.reverse(); initial.small.reverse()  // taken from the end, in job order
        let queue = JobQueue(initial)
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
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = next() {
                let outcome = Result { () throws -> Int in
                    var out = try open(i)
                    do { try jobs[i].render(&out) } catch { out.discard(); throw error }
                    return try out.finish()
                }
                if case .success(let bytes) = outcome { written(bytes) }
                queue.withLock { q in
                    switch outcome {
                    case .success(let bytes): q.written.append((i, bytes))
                    case .failure(let error): q.errors.append((i, error))
                    }
                    if jobs[i].isLarge { q.isLargeRunning = false }
                }
            }
        }
        let (written, firstError) = queue.withLock { q in (q.written, q.errors.min { $0.0 < $1.0 }) }
        if let firstError { throw firstError.1 }
        return written.sorted { $0.index < $1.index }
    }

    /// The jobs left and what became of the others, behind a pthread lock (which ThreadSanitizer sees;
    /// it does not see `Synchronization.Mutex`, built without its instrumentation).
    final class JobQueue: @unchecked Sendable {
        struct State {
            var large: [Int] = []
            var small: [Int] = []
            var isLargeRunning = false
            var errors: [(Int, any Error)] = []
            var written: [(index: Int, bytes: Int)] = []
        }

        private var state: State
        private let lock = NSLock()

        init(_ state: State) { self.state = state }

        func withLock<T>(_ body: (inout State) throws -> T) rethrows -> T {
            lock.lock()
            defer { lock.unlock() }
            return try body(&state)
        }
    }
}
