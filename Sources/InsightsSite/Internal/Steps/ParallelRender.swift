import Foundation
import Synchronization

/// Renders a batch of pages on every core; pages only read the shared plan, templates and options.
enum ParallelRender {
    static let batchSize = 64

    /// Each job's page, in job order; the first error in job order is thrown.
    static func render(_ jobs: [PageJob]) throws -> [String] {
        let results = Mutex([Result<String, any Error>?](repeating: nil, count: jobs.count))
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let page = Result { try jobs[i].render() }
            results.withLock { $0[i] = page }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }
}
