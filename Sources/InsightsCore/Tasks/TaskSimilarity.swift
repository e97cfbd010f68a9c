import Foundation

/// How alike two task titles are: IDF-weighted overlap of their stemmed content words.
///
/// With `w(t) = ln(1 + N / df(t))` over all N task titles, `score(A, B)` is the mean of the weighted
/// overlap coefficient `w(A∩B) / min(w(A), w(B))` and the weighted Jaccard `w(A∩B) / w(A∪B)`, and is 0 unless
/// the titles share at least two words (or one, when one title has a single word).
/// `"Add security headers"` vs `"Security headers on the dashboard"` → about 0.8 (containment 1, Jaccard ~0.6).
public struct TaskSimilarity: Sendable {
    /// Score at or above which two mentions are the same work (chosen on the corpus; see `TaskTracker`).
    public static let defaultThreshold = 0.62

    /// Document frequency of every token over the titles the tracker saw.
    private var documentFrequency: [String: Int] = [:]
    private var documents = 0

    public init() {}

    /// Counts a title's tokens (once each) toward their document frequency.
    public mutating func count(_ tokens: Set<String>) {
        documents += 1
        for t in tokens { documentFrequency[t, default: 0] += 1 }
    }

    public func documentFrequency(of token: String) -> Int { documentFrequency[token] ?? 0 }

    /// Inverse document frequency of a token (a never-seen token counts as seen once).
    public func weight(_ token: String) -> Double {
        log(1 + Double(max(documents, 1)) / Double(max(documentFrequency[token] ?? 1, 1)))
    }

    /// The summed weight of a token set.
    public func weight(of tokens: Set<String>) -> Double { tokens.reduce(0) { $0 + weight($1) } }

    /// The score of two token sets whose weights are known, in 0...1.
    public func score(_ a: Set<String>, _ wa: Double, _ b: Set<String>, _ wb: Double) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var shared = 0
        var wShared = 0.0
        for t in small where large.contains(t) { shared += 1; wShared += weight(t) }
        guard shared >= min(2, small.count) else { return 0 }
        let containment = wShared / min(wa, wb)
        let jaccard = wShared / (wa + wb - wShared)
        return (containment + jaccard) / 2
    }

    /// The comparable words of a title: `Tokens.content` after expanding common abbreviations.
    ///
    /// `TaskSimilarity.tokens("Env var docs")` → `["environ", "variabl", "document"]`.
    public static func tokens(_ title: String) -> Set<String> {
        var words: [String] = []
        for w in Tokens.words(title) { words.append(abbreviations[w] ?? w) }
        return Set(Tokens.content(words.joined(separator: " ")))
    }

    /// Short forms notes use for the same thing, expanded before stemming.
    static let abbreviations: [String: String] = [
        "env": "environment", "envs": "environment", "var": "variable", "vars": "variables",
        "doc": "documentation", "docs": "documentation", "document": "documentation", "documenting": "documentation",
        "config": "configuration", "configs": "configuration", "configure": "configuration",
        "repo": "repository", "repos": "repository", "db": "database", "dbs": "database",
        "deps": "dependencies", "dep": "dependency", "perf": "performance", "impl": "implementation",
        "auth": "authentication", "msg": "message", "msgs": "messages", "req": "request", "reqs": "requests",
    ]
}
