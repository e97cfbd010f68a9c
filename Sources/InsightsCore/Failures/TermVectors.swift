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
    /// Every candidate's (term id, weight) entries one after another, each candidate's sorted by term id and
    /// L2-normalised; candidate `c`'s are `starts[c] ..< starts[c + 1]`. One flat store instead of an array
    /// per candidate: 112,000 candidates at 50,000 notes were 21 MB as arrays, 12 MB this way.
    private var entryTerms: [Int32] = []
    private var entryWeights: [Double] = []
    private var starts: [Int32] = [0]

    /// How many candidates there are vectors of.
    public var count: Int { starts.count - 1 }

    /// Candidate `c`'s vector: (term id, weight) sorted by term id.
    public func vector(_ c: Int) -> [(term: Int, weight: Double)] {
        (Int(starts[c])..<Int(starts[c + 1])).map { (Int(entryTerms[$0]), entryWeights[$0]) }
    }

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
        var tf: [Int: Double] = [:]
        starts.reserveCapacity(candidates.count + 1)
        // First the term frequencies, in place of the weights, which need every term's document frequency.
        for c in candidates {
            tf.removeAll(keepingCapacity: true)
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
            for (id, frequency) in tf.sorted(by: { $0.key < $1.key }) {
                df[id] += 1
                entryTerms.append(Int32(id)); entryWeights.append(frequency)
            }
            starts.append(Int32(entryTerms.count))
        }
        for c in 0..<count {
            let range = Int(starts[c])..<Int(starts[c + 1])
            for i in range { entryWeights[i] = weight(frequency: entryWeights[i], of: Int(entryTerms[i])) }
            entryWeights.withUnsafeMutableBufferPointer { Self.normalise(UnsafeMutableBufferPointer(rebasing: $0[range])) }
        }
    }

    /// A term's TF-IDF weight: (1 + log tf) × log(1 + candidates / df).
    private func weight(frequency: Double, of term: Int) -> Double {
        (1 + log(frequency)) * log(1 + Double(max(count, 1)) / Double(df[term]))
    }

    /// Divides the weights by their L2 norm, summed in term order (so the last bit is the same on every run).
    private static func normalise(_ weights: UnsafeMutableBufferPointer<Double>) {
        let norm = sqrt(weights.reduce(0) { $0 + $1 * $1 })
        if norm > 0 { for i in weights.indices { weights[i] /= norm } }
    }

    /// The vector of any text under the candidates' IDF weights (terms no candidate uses are dropped), weighted
    /// and normalised like a candidate's body: "Fixed it myself" → `{fix, myself}`.
    public func vector(of text: String) -> [(term: Int, weight: Double)] {
        var tf: [Int: Double] = [:]
        for word in Tokens.words(text) {
            if let stem = Tokens.content(word, extraStopWords: Self.boilerplate).first, let id = ids[stem] { tf[id, default: 0] += 1 }
        }
        let terms = tf.keys.sorted()
        var weights = terms.map { weight(frequency: tf[$0] ?? 1, of: $0) }
        weights.withUnsafeMutableBufferPointer { Self.normalise($0) }
        return Array(zip(terms, weights))
    }

    /// How much of a vector from `vector(of:)` a candidate covers: the share of its squared weight on terms
    /// the candidate also has (0 ... 1). Unlike cosine, a long candidate is not penalised for saying more.
    public func coverage(_ v: [(term: Int, weight: Double)], by b: Int) -> Double {
        var i = 0, j = Int(starts[b]), sum = 0.0
        let end = Int(starts[b + 1])
        while i < v.count && j < end {
            let term = Int(entryTerms[j])
            if v[i].term == term { sum += v[i].weight * v[i].weight; i += 1; j += 1 }
            else if v[i].term < term { i += 1 } else { j += 1 }
        }
        return sum
    }

    /// Cosine similarity of two candidates (0 ... 1).
    public func cosine(_ a: Int, _ b: Int) -> Double { overlap(a, b).cosine }

    /// Cosine similarity and the number of shared terms, in one pass.
    public func overlap(_ a: Int, _ b: Int) -> (cosine: Double, shared: Int) {
        entryTerms.withUnsafeBufferPointer { terms in
            entryWeights.withUnsafeBufferPointer { weights in
                var i = Int(starts[a]), j = Int(starts[b]), sum = 0.0, n = 0
                let endA = Int(starts[a + 1]), endB = Int(starts[b + 1])
                while i < endA && j < endB {
                    if terms[i] == terms[j] { sum += weights[i] * weights[j]; n += 1; i += 1; j += 1 }
                    else if terms[i] < terms[j] { i += 1 } else { j += 1 }
                }
                return (sum, n)
            }
        }
    }

    /// How many terms two candidates share.
    public func sharedCount(_ a: Int, _ b: Int) -> Int { overlap(a, b).shared }

    /// The terms two candidates share, strongest contribution first.
    public func shared(_ a: Int, _ b: Int) -> [(term: String, contribution: Double)] {
        let y = Dictionary(vector(b).map { ($0.term, $0.weight) }, uniquingKeysWith: +)
        return vector(a).compactMap { t in y[t.term].map { (terms[t.term], t.weight * $0) } }
            .sorted { $0.contribution > $1.contribution }
    }

    /// Pairs of candidates worth scoring: those that share one of their `perCandidate` most weighty terms among
    /// terms found in at most `cap` candidates. A term in more candidates than that has a low IDF weight and
    /// cannot on its own make two candidates similar, so it is not indexed; this keeps the work near-linear
    /// (at most `cap` neighbours per indexed term) instead of comparing every pair.
    public func blockedPairs(cap: Int, perCandidate: Int = 6) -> [(Int, Int)] {
        let keys: [[Int]] = (0..<count).map { c in
            vector(c).filter { df[$0.term] >= 2 && df[$0.term] <= cap }.sorted { $0.weight > $1.weight }
                .prefix(perCandidate).map(\.term)
        }
        var postings = [[Int]](repeating: [], count: terms.count)
        for (c, k) in keys.enumerated() { for t in k { postings[t].append(c) } }
        var pairs: [(Int, Int)] = []
        var seenBy = [Int](repeating: -1, count: count)
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
