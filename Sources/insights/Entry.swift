import CAllocator
import InsightsCLI

/// The `insights` executable: everything lives in InsightsCLI so tests can run commands in-process. Synchronous:
/// no command awaits, and starting Swift's concurrency runtime and a worker thread to run the command on cost
/// 0.8 million of the 47 million instructions of a search.
@main enum Entry {
    static func main() {
        insights_allocator_configure()
        InsightsCommand.main()
    }
}
