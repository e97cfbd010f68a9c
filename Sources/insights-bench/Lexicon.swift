/// The words of the generated notes' prose: a lexicon of made-up words drawn by Zipf's law, as a language's
/// words are, so a large journal has as many distinct words as real notes of its size. Without it, 50,000
/// generated notes held 1,175 distinct indexed words, as many as the 13 notes of the shipped journal; the corpus'
/// 67,000 words hold 5,900, and by Heaps' law 7 million words of real notes hold about 60,000.
struct Lexicon: Sendable {
    static let shared = Lexicon(size: 60_000)

    let words: [String]
    /// Running sums of the words' weights (word k weighs 1 / (k + 1)), for drawing by binary search.
    let cumulative: [Double]

    init(size: Int) {
        let syllables = ["ka", "ro", "mi", "tes", "lan", "vo", "dri", "pel", "su", "nor", "ax", "bel", "cor", "den",
                         "fi", "gra", "hul", "jor", "ket", "lis", "mun", "ost", "pra", "quin", "rel", "sta", "tor", "ul",
                         "ven", "wex", "yar", "zel"]
        var rng = SplitMix64(seed: 0x1E_C5_1C_0)
        var seen = Set<String>(), words: [String] = []
        words.reserveCapacity(size)
        while words.count < size {
            let count = 2 + Int(rng.next() % 3)
            let word = (0..<count).map { _ in syllables[Int(rng.next() % UInt64(syllables.count))] }.joined()
            if seen.insert(word).inserted { words.append(word) }
        }
        self.words = words
        var sum = 0.0
        cumulative = (0..<size).map { k in sum += 1 / Double(k + 1); return sum }
    }

    /// A word drawn by its weight.
    func draw(_ rng: inout SplitMix64) -> String {
        let target = Double(rng.next() >> 11) / Double(1 << 53) * cumulative[cumulative.count - 1]
        var lo = 0, hi = cumulative.count - 1
        while lo < hi { let mid = (lo + hi) / 2; if cumulative[mid] < target { lo = mid + 1 } else { hi = mid } }
        return words[lo]
    }

    /// A paragraph of a note: 12 to 35 words drawn from the lexicon, a source file and a commit, as notes name
    /// them (`billing/korotes_velan.go:214`, `commit 3fa9c1e`).
    func prose(subject: String, note n: Int, rng: inout SplitMix64) -> String {
        let count = 12 + Int(rng.next() % 24)
        var text = (0..<count).map { _ in draw(&rng) }.joined(separator: " ")
        text = text.prefix(1).uppercased() + text.dropFirst()
        let file = "\(subject)/\(draw(&rng))_\(draw(&rng)).go:\(rng.next() % 900 + 10)"
        let commit = String(rng.next() & 0xFFF_FFFF, radix: 16)
        return text + ", in `\(file)` (commit \(commit))."
    }
}
