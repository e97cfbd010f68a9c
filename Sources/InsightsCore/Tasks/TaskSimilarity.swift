import Foundation

/// How alike two task titles are: IDF-weighted overlap of their stemmed content words.
///
/// With `w(t) = ln(1 + N / df(t))` over all N task titles, `score(A, B)` is the mean of the weighted
/// overlap coefficient `w(A∩B) / min(w(A), w(B))` and the weighted Jaccard `w(A∩B) / w(A∪B)`, and is 0 unless
/// the titles share at least two words (or are the same single word).
/// `"Add security headers"` vs `"Security headers on the dashboard"` → about 0.8 (containment 1, Jaccard ~0.6).
public struct TaskSimilarity: Sendable {
    /// Score at or above which two mentions are the same work (chosen on the corpus; see `TaskTracker`).
    public static let defaultThreshold = 0.55

    /// Document frequency of every token over the titles the tracker saw.
    private var documentFrequency: [String: Int] = [:]
    private(set) var documents = 0

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
        // One shared word is enough only between two one-word titles that are the same word.
        guard shared >= 2 || (small.count == 1 && large.count == 1 && shared == 1) else { return 0 }
        let containment = wShared / min(wa, wb)
        let jaccard = wShared / (wa + wb - wShared)
        return (containment + jaccard) / 2
    }

    /// A title's comparable words, whole and head only, with their weights.
    public struct Shape: Sendable {
        public var full: Set<String>
        public var head: Set<String>
        var fullWeight = 0.0
        var headWeight = 0.0

        public init(_ title: String) {
            var stems = StemCache()
            self.init(title, stems: &stems)
        }

        /// A shape computed with a shared cache of stemmed words (one per tracker run).
        init(_ title: String, stems: inout StemCache) {
            full = TaskSimilarity.tokens(title, stems: &stems)
            let headText = TaskSimilarity.head(title)
            let h = headText == title ? full : TaskSimilarity.tokens(headText, stems: &stems)
            head = h.isEmpty ? full : h
        }
    }

    /// Content word → its comparable form (abbreviation expanded, stemmed), or nil for a stop-word.
    struct StemCache {
        var forms: [String: String?] = [:]

        mutating func form(_ word: String) -> String? {
            if let known = forms[word] { return known }
            let expanded = TaskSimilarity.abbreviations[word] ?? word
            let form: String?
            if TaskSimilarity.statusWords.contains(word) || expanded.count < 2 || Tokens.stopWords.contains(expanded)
                || expanded.allSatisfy(\.isNumber) {
                form = nil
            } else {
                let stemmed = Stemmer.stem(expanded)
                form = Tokens.stopWords.contains(stemmed) ? nil : stemmed
            }
            forms[word] = form
            return form
        }
    }

    /// `shape` with its weights filled in.
    public func weighed(_ shape: Shape) -> Shape {
        var s = shape
        s.fullWeight = weight(of: s.full)
        s.headWeight = s.head == s.full ? s.fullWeight : weight(of: s.head)
        return s
    }

    /// The better of the whole-title score and the head-only score of two weighed shapes.
    public func score(_ a: Shape, _ b: Shape) -> Double {
        let whole = score(a.full, a.fullWeight, b.full, b.fullWeight)
        if a.head == a.full && b.head == b.full { return whole }
        return max(whole, score(a.head, a.headWeight, b.head, b.headWeight))
    }

    /// The comparable words of a title: `Tokens.content` after expanding common abbreviations.
    ///
    /// `TaskSimilarity.tokens("Env var docs")` → `["environ", "variabl", "document"]`.
    public static func tokens(_ title: String) -> Set<String> {
        var stems = StemCache()
        return tokens(title, stems: &stems)
    }

    static func tokens(_ title: String, stems: inout StemCache) -> Set<String> {
        var out = Set<String>()
        for w in Tokens.words(joinIdentifiers(title)) { if let f = stems.form(w) { out.insert(f) } }
        return out
    }

    /// `ROAD-034`, `FEAT-9`, `T-36` become one word (`ROAD034`), so two different tickets never share `road` alone.
    static func joinIdentifiers(_ text: String) -> String {
        guard text.contains("-") else { return text }
        return text.replacingOccurrences(of: #"\b([A-Za-z]+)-([0-9]+)\b"#, with: "$1$2", options: .regularExpression)
    }

    /// The head of a title: parentheses dropped, cut at the first `;`, `: `, ` — ` or ` - `.
    ///
    /// `TaskSimilarity.head("Outbound webhook retries with backoff; customers are still losing events")` →
    /// `"Outbound webhook retries with backoff"`.
    public static func head(_ title: String) -> String {
        var out = ""
        var depth = 0
        for c in title {
            if c == "(" { depth += 1; continue }
            if c == ")" { depth = max(depth - 1, 0); continue }
            if depth == 0 { out.append(c) }
        }
        for cut in ["; ", ": ", " — ", " – ", " - "] {
            if let r = out.range(of: cut), out.distance(from: out.startIndex, to: r.lowerBound) > 3 {
                out = String(out[..<r.lowerBound])
            }
        }
        return out
    }

    /// Words that say how the work stands, not what it is ("reopened", "still", "again").
    static let statusWords: Set<String> = [
        "reopen", "reopened", "reopening", "again", "still", "remaining", "pending", "finish", "finished",
        "complete", "completed", "completing", "wip", "blocked", "blocker", "open", "closed", "resolved", "resolve",
    ]

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
