import InsightsStore

/// In-process search latency: runs each query once (after one warm-up pass) and reports percentiles in ms.
///
/// `SearchBench.run(index: index, queries: ["migration", "webhook retries"])` → `(p50: 0.4, p95: 1.2)`.
public enum SearchBench {
    /// p50 and p95 of `index.search` over `queries` (default filters, limit 20), in milliseconds, measured
    /// with a monotonic clock; a query that is a usage error is timed too (parsing is part of a search).
    public static func run(index: Index, queries: [String]) -> (p50: Double, p95: Double) {
        let samples = timings(index: index, queries: queries).map(\.ms).sorted()
        guard !samples.isEmpty else { return (0, 0) }
        return (percentile(samples, 0.50), percentile(samples, 0.95))
    }

    /// Each query's time in milliseconds, in query order (after one warm-up pass over the first ten).
    public static func timings(index: Index, queries: [String]) -> [(query: String, ms: Double)] {
        for q in queries.prefix(10) { _ = try? index.search(SearchQuery(q)) }
        let clock = ContinuousClock()
        return queries.map { q in
            let parts = clock.measure { _ = try? index.search(SearchQuery(q)) }.components
            return (q, Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15)
        }
    }

    /// The nearest-rank percentile of sorted samples.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}
