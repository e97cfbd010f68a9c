/// A compact Porter stemmer (Porter 1980, steps 1a–5), so "migrations", "migrated" and "migrating" meet.
///
/// `Stemmer.stem("migrations")` → `"migrat"`; `Stemmer.stem("headers")` → `"header"`.
public enum Stemmer {
    public static func stem(_ word: String) -> String {
        guard word.utf8.count > 2, word.utf8.allSatisfy(isASCIILetter) else { return word }
        var w = Array(word.utf8)
        step1a(&w); step1b(&w); step1c(&w); step2(&w); step3(&w); step4(&w); step5(&w)
        return String(decoding: w, as: UTF8.self)
    }

    private static let y = UInt8(ascii: "y")

    @inline(__always) private static func isASCIILetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)
    }

    @inline(__always) private static func isVowel(_ b: UInt8) -> Bool {
        b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6f || b == 0x75   // a e i o u
    }

    private static func isConsonant(_ w: [UInt8], _ i: Int) -> Bool {
        if isVowel(w[i]) { return false }
        if w[i] == y { return i == 0 ? true : !isConsonant(w, i - 1) }
        return true
    }

    /// m: the number of VC sequences in w[0..<end].
    private static func measure(_ w: [UInt8], _ end: Int) -> Int {
        var n = 0, i = 0
        while i < end && isConsonant(w, i) { i += 1 }
        while i < end {
            while i < end && !isConsonant(w, i) { i += 1 }
            if i >= end { break }
            n += 1
            while i < end && isConsonant(w, i) { i += 1 }
        }
        return n
    }

    private static func hasVowel(_ w: [UInt8], _ end: Int) -> Bool {
        (0..<end).contains { !isConsonant(w, $0) }
    }

    private static func endsDoubleConsonant(_ w: [UInt8]) -> Bool {
        let n = w.count
        return n >= 2 && w[n - 1] == w[n - 2] && isConsonant(w, n - 1)
    }

    /// cvc where the last c is not w, x or y.
    private static func endsCVC(_ w: [UInt8], _ end: Int) -> Bool {
        guard end >= 3 else { return false }
        let c = w[end - 1]
        return isConsonant(w, end - 3) && !isConsonant(w, end - 2) && isConsonant(w, end - 1)
            && c != UInt8(ascii: "w") && c != UInt8(ascii: "x") && c != y
    }

    private static func ends<Suffix: Collection<UInt8>>(_ w: [UInt8], _ suffix: Suffix) -> Bool {
        guard w.count >= suffix.count else { return false }
        var i = w.count - suffix.count
        for b in suffix {
            if w[i] != b { return false }
            i += 1
        }
        return true
    }

    private static func ends(_ w: [UInt8], _ suffix: StaticString) -> Bool {
        ends(w, UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount))
    }

    private static func replace(_ w: inout [UInt8], _ suffix: [UInt8], _ with: [UInt8]) {
        w.removeLast(suffix.count)
        w.append(contentsOf: with)
    }

    /// Replaces `suffix` with `with` when the stem before it has measure > `minMeasure`.
    @discardableResult
    private static func rule(_ w: inout [UInt8], _ suffix: [UInt8], _ with: [UInt8], minMeasure: Int) -> Bool {
        guard ends(w, suffix) else { return false }
        if measure(w, w.count - suffix.count) > minMeasure { replace(&w, suffix, with) }
        return true
    }

    private static func step1a(_ w: inout [UInt8]) {
        if ends(w, "sses") { w.removeLast(2) }
        else if ends(w, "ies") { w.removeLast(2) }
        else if ends(w, "ss") { }
        else if ends(w, "s") { w.removeLast() }
    }

    private static func step1b(_ w: inout [UInt8]) {
        if ends(w, "eed") {
            if measure(w, w.count - 3) > 0 { w.removeLast() }
            return
        }
        var stripped = false
        if ends(w, "ed"), hasVowel(w, w.count - 2) { w.removeLast(2); stripped = true }
        else if ends(w, "ing"), hasVowel(w, w.count - 3) { w.removeLast(3); stripped = true }
        guard stripped else { return }
        if ends(w, "at") || ends(w, "bl") || ends(w, "iz") { w.append(UInt8(ascii: "e")) }
        else if endsDoubleConsonant(w), let last = w.last, !"lsz".utf8.contains(last) { w.removeLast() }
        else if measure(w, w.count) == 1 && endsCVC(w, w.count) { w.append(UInt8(ascii: "e")) }
    }

    private static func step1c(_ w: inout [UInt8]) {
        if w.last == y && hasVowel(w, w.count - 1) { w[w.count - 1] = UInt8(ascii: "i") }
    }

    /// Suffix rules as bytes (`ends` compares them byte by byte).
    private static func bytes(_ rules: [(String, String)]) -> [([UInt8], [UInt8])] {
        rules.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    }

    private static let step2Rules = bytes([
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ])
    private static let step3Rules = bytes([
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ])
    /// Longest first, so "ement" is tried before "ment" and "ent".
    private static let step4Suffixes = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
                                        "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"]
        .sorted { $0.count > $1.count }.map { Array($0.utf8) }
    private static let ion = Array("ion".utf8)

    private static func step2(_ w: inout [UInt8]) {
        for (s, r) in step2Rules where rule(&w, s, r, minMeasure: 0) { return }
    }

    private static func step3(_ w: inout [UInt8]) {
        for (s, r) in step3Rules where rule(&w, s, r, minMeasure: 0) { return }
    }

    private static func step4(_ w: inout [UInt8]) {
        for s in step4Suffixes where ends(w, s) {
            let stemEnd = w.count - s.count
            if s == ion {
                guard stemEnd > 0, w[stemEnd - 1] == UInt8(ascii: "s") || w[stemEnd - 1] == UInt8(ascii: "t") else { return }
            }
            if measure(w, stemEnd) > 1 { w.removeLast(s.count) }
            return
        }
    }

    private static func step5(_ w: inout [UInt8]) {
        if w.last == UInt8(ascii: "e") {
            let m = measure(w, w.count - 1)
            if m > 1 || (m == 1 && !endsCVC(w, w.count - 1)) { w.removeLast() }
        }
        if w.last == UInt8(ascii: "l") && endsDoubleConsonant(w) && measure(w, w.count) > 1 { w.removeLast() }
    }
}
