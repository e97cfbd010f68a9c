import InsightsCore

/// Renders a batch of pages on every core; pages only read the shared plan, templates and options.
enum ParallelRender {
    static let batchSize = 64

    /// Each job's page, in job order; the first error in job order is thrown.
    static func render(_ jobs: [PageJob]) throws -> [String] {
        try Parallel.map(jobs) { try $0.render() }
    }
}
