import Foundation

/// Why a cluster's occurrences were grouped: the score of every pair and the words they share.
///
/// For a cluster of "Pushed Without Running the Test Suite" (#0) and "Pushed Without Running the Tests
/// (Again)" (#1) → `pairs: [Pair(a: 0, b: 1, score: 0.71, shared: ["push", "test", "run", ...], isLinked: true)]`.
public struct FailureExplanation: Sendable, Codable, Hashable {
    public struct Pair: Sendable, Codable, Hashable {
        /// Occurrence indexes (into the cluster's `occurrences`).
        public var a: Int
        public var b: Int
        public var score: Double
        /// Shared stems, strongest contribution first.
        public var shared: [String]
        /// Whether this pair alone reaches its threshold (the others joined through average linkage or a pin).
        public var isLinked: Bool

        enum CodingKeys: String, CodingKey { case a, b, score, shared, isLinked = "linked" }
    }

    public var id: String
    public var threshold: Double
    public var linkThreshold: Double
    public var terms: [String]
    public var pairs: [Pair]

    enum CodingKeys: String, CodingKey { case id, threshold, linkThreshold = "link_threshold", terms, pairs }
}

extension FailureGrouping {
    /// The explanation of cluster `id`, or nil when there is none; at most `limit` pairs, strongest first.
    public func explain(_ id: String, limit: Int = 60) -> FailureExplanation? {
        guard let n = clusters.firstIndex(where: { $0.id == id }) else { return nil }
        let cluster = clusters[n]
        // Group members in the cluster's occurrence order.
        let members = groups[n].sorted { a, b in
            let x = candidates[a], y = candidates[b]
            return (x.date, x.session, x.line) < (y.date, y.session, y.line)
        }
        var pairs: [FailureExplanation.Pair] = []
        for i in members.indices { for j in members.indices where j > i {
            let s = score(members[i], members[j])
            let shared = vectors.shared(members[i], members[j]).prefix(8).map(\.term)
            pairs.append(.init(a: i, b: j, score: (s * 1000).rounded() / 1000, shared: Array(shared),
                               isLinked: s >= threshold(members[i], members[j])))
        } }
        pairs.sort { ($0.score, $1.a, $1.b) > ($1.score, $0.a, $0.b) }
        return FailureExplanation(id: cluster.id, threshold: clusterer.threshold, linkThreshold: clusterer.linkThreshold,
                                  terms: cluster.terms, pairs: Array(pairs.prefix(limit)))
    }
}
