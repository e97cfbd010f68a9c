import Foundation

/// TF-IDF vectors over stemmed content words, one per candidate, with the title counted more than the body.
///
/// Titles "Pushed Without Running the Tests" and "Pushing without running the tests." → both
/// `{push, run, test}`; cosine 1.0 before the bodies are added.
public struct TermVectors: Sendable {
    /// Interned terms: id → stem.
    public private(set) var terms: [String] = []
    /// Number of candidates each term occurs in.
    public private(set) var df: [Int] = []
    /// Per candidate: (term id, weight) sorted by term id, L2-normalised.
    public private(set) var vectors: [[(term: Int, weight: Double)]] = []

    /// How much a title word counts against a body word.
    public static let titleWeight = 3.0
    /// Stem → term id, for vectors of text outside the candidates.
    private var ids: [String: Int] = [:]
    /// Words that carry no failure meaning in notes, on top of `Tokens.stopWords`.
    public static let boilerplate: Set<String> = [
        "happened", "happen", "went", "wrong", "actually", "really", "again", "agent", "user", "claude", "we",
        "i", "us", "did", "didn", "don", "t", "s", "hit", "found", "caus", "cause", "caused", "root", "led",
        "required", "needed", "result", "resulted", "point", "points",
    ]

    public init(_ candidates: [FailureCandidate]) {
        // Word → term id (-1 for a stop-word): each distinct word is stemmed once.
        var known: [String: Int] = [:]
        var raw: [[Int: Double]] = []
        raw.reserveCapacity(candidates.count)
        for c in candidates {
            var tf: [Int: Double] = [:]
            func add(_ text: String, _ weight: Double) {
                for word in Tokens.words(text) {
                    var id = known[word]
                    if id == nil {
                        if let stem = Tokens.content(word, extraStopWords: Self.boilerplate).first {
                            if let existing = ids[stem] { id = existing } else {
                                id = terms.count; ids[stem] = terms.count; terms.append(stem); df.append(0)
                            }
                        } else { id = -1 }
                        known[word] = id
                    }
                    if let id, id >= 0 { tf[id, default: 0] += weight }
                }
            }
            add(c.titleText, Self.titleWeight)
            add(c.bodyText, 1)
            for id in tf.keys { df[id] += 1 }
            raw.append(tf)
        }
        let n = Double(max(candidates.count, 1))
        vectors = raw.map { tf in
            var v = tf.map { (term: $0.key, weight: (1 + log($0.value)) * log(1 + n / Double(df[$0.key]))) }
            let norm = sqrt(v.reduce(0) { $0 + $1.weight * $1.weight })
            if norm > 0 { for i in v.indices { v[i].weight /= norm } }
            v.sort { $0.term < $1.term }
            return v
        }
    }

    /// The vector of any text under the candidates' IDF weights (terms no candidate uses are dropped), weighted
    /// and normalised like a candidate's body: "Fixed it myself" → `{fix, myself}`.
    public func vector(of text: String) -> [(term: Int, weight: Double)] {
        var tf: [Int: Double] = [:]
        for word in Tokens.words(text) {
            if let stem = Tokens.content(word, extraStopWords: Self.boilerplate).first, let id = ids[stem] { tf[id, default: 0] += 1 }
        }
        let n = Double(max(vectors.count, 1))
        var v = tf.map { (term: $0.key, weight: (1 + log($0.value)) * log(1 + n / Double(df[$0.key]))) }
        let norm = sqrt(v.reduce(0) { $0 + $1.weight * $1.weight })
        if norm > 0 { for i in v.indices { v[i].weight /= norm } }
        return v.sorted { $0.term < $1.term }
    }

    /// How much of a vector from `vector(of:)` a candidate covers: the share of its squared weight on terms
    /// the candidate also has (0 ... 1). Unlike cosine, a long candidate is not penalised for saying more.
    public func coverage(_ v: [(term: Int, weight: Double)], by b: Int) -> Double {
        let y = vectors[b]
        var i = 0, j = 0, sum = 0.0
        while i < v.count && j < y.count {
            if v[i].term == y[j].term { sum += v[i].weight * v[i].weight; i += 1; j += 1 }
            else if v[i].term < y[j].term { i += 1 } else { j += 1 }
        }
        return sum
    }

    /// Cosine similarity of two candidates (0 ... 1).
    public func cosine(_ a: Int, _ b: Int) -> Double { overlap(a, b).cosine }

    /// Cosine similarity and the number of shared terms, in one pass.
    public func overlap(_ a: Int, _ b: Int) -> (cosine: Double, shared: Int) {
        vectors[a].withUnsafeBufferPointer { x in
            vectors[b].withUnsafeBufferPointer { y in
                var i = 0, j = 0, sum = 0.0, n = 0
                while i < x.count && j < y.count {
                    if x[i].term == y[j].term { sum += x[i].weight * y[j].weight; n += 1; i += 1; j += 1 }
                    else if x[i].term < y[j].term { i += 1 } else { j += 1 }
                }
                return (sum, n)
            }
        }
    }

    /// How many terms two candidates share.
    public func sharedCount(_ a: Int, _ b: Int) -> Int { overlap(a, b).shared }

    /// The terms two candidates share, strongest contribution first.
    public func shared(_ a: Int, _ b: Int) -> [(term: String, contribution: Double)] {
        let y = Dictionary(vectors[b].map { ($0.term, $0.weight) }, uniquingKeysWith: +)
        return vectors[a].compactMap { t in y[t.term].map { (terms[t.term], t.weight * $0) } }
            .sorted { $0.contribution > $1.contribution }
    }

    /// Pairs of candidates worth scoring: those that share one of their `perCandidate` most weighty terms among
    /// terms found in at most `cap` candidates. A term in more candidates than that has a low IDF weight and
    /// cannot on its own make two candidates similar, so it is not indexed; this keeps the work near-linear
    /// (at most `cap` neighbours per indexed term) instead of comparing every pair.
    public func blockedPairs(cap: Int, perCandidate: Int = 6) -> [(Int, Int)] {
        let keys: [[Int]] = vectors.map { v in
            v.filter { df[$0.term] >= 2 && df[$0.term] <= cap }.sorted { $0.weight > $1.weight }
                .prefix(perCandidate).map(\.term)
        }
        var postings = [[Int]](repeating: [], count: terms.count)
        for (c, k) in keys.enumerated() { for t in k { postings[t].append(c) } }
        var pairs: [(Int, Int)] = []
        var seenBy = [Int](repeating: -1, count: vectors.count)
        for (c, k) in keys.enumerated() {
            for t in k {
                for other in postings[t] where other > c && seenBy[other] != c {
                    seenBy[other] = c
                    pairs.append((c, other))
                }
            }
        }
        return pairs
    }
}
