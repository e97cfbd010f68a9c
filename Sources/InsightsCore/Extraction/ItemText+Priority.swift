import Foundation

/// Reading an item's priority: a leading priority word (`[P0] Fix it`), the first priority written anywhere in
/// its text (`(High)`, `Priority: Low`, `🔴`), with byte readings of ASCII text that give the same answers.
extension ItemText {
    /// A priority word at the start: `"[P0] Fix it"`, `"P1: Fix it"`, `"🔴 Fix it"`, `"High: Fix it"`.
    /// (`checksBytes: false` skips the byte reading, for tests that compare the two.)
    static func leadingPriority(_ text: String, _ vocabulary: Vocabulary, checksBytes: Bool = true) -> (word: String, rest: String)? {
        if checksBytes && asciiLeadingWordIsPriority(text, vocabulary) == false { return nil }
        var s = Substring(text.trimmingSpaces)
        var bracketed = false
        if s.hasPrefix("[") || s.hasPrefix("(") { s = s.dropFirst(); bracketed = true }
        let word = leadingWord(s)
        guard !word.isEmpty, vocabulary.priorities[Vocabulary.normalize(String(word))] != nil else { return nil }
        let isMark = word.unicodeScalars.allSatisfy { Vocabulary.statusMarks.contains($0) || $0.properties.isEmojiPresentation || $0 == "\u{FE0F}" }
        var rest = s.dropFirst(word.count)
        if bracketed { guard rest.first == "]" || rest.first == ")" else { return nil }; rest = rest.dropFirst() }
        let restText = dropLeadingSeparator(String(rest))
        // "High availability setup" is a title, not a priority: require a mark, brackets or a separator.
        guard isMark || bracketed || rest.first.map({ ":-–—".contains($0) }) == true || word.lowercased().first == "p" else { return nil }
        guard !restText.isEmpty else { return nil }
        return (String(word), restText)
    }

    /// Whether the word `leadingPriority` reads first in `text` names a priority, read on bytes; nil when a
    /// byte up to the word's end is not ASCII (then only the `String` reading can tell). Most items lead with
    /// no priority, and reading that with `String`s was 2.8% of the instructions of a cold ingest.
    static func asciiLeadingWordIsPriority(_ text: String, _ vocabulary: Vocabulary) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            var i = 0
            while i < bytes.count && ASCII.isSpace(bytes[i]) { i += 1 }
            if i < bytes.count && (bytes[i] == UInt8(ascii: "[") || bytes[i] == UInt8(ascii: "(")) { i += 1 }
            let start = i
            while i < bytes.count && !ASCII.isSpace(bytes[i]) && !leadingBreaks.contains(bytes[i]) {
                if bytes[i] >= 0x80 { return nil }
                i += 1
            }
            guard i > start else { return false }
            let bytes = UnsafeBufferPointer(rebasing: bytes[start..<i])
            if let rank = vocabulary.priorityRank(ascii: bytes) { return rank != nil }
            return vocabulary.priorities[Vocabulary.normalize(String(decoding: bytes, as: UTF8.self))] != nil
        }
    }

    /// The text up to white space or one of `]):-–—,`; by bytes while they are ASCII.
    static func leadingWord(_ s: Substring) -> Substring {
        var i = s.utf8.startIndex
        while i != s.utf8.endIndex {
            let b = s.utf8[i]
            if b >= 0x80 { return s.prefix { !$0.isWhitespace && !"]):-–—,".contains($0) } }
            if ASCII.isSpace(b) || leadingBreaks.contains(b) { break }
            s.utf8.formIndex(after: &i)
        }
        return s[s.startIndex..<i]
    }

    static let leadingBreaks: Set<UInt8> = Set("]):-,".utf8)

    /// The rank 0...3 of the first priority written in `text` (`P0`, `(High)`, `🔴`, `Priority: Low`).
    static func priorityRank(in text: String, _ vocabulary: Vocabulary) -> Int? {
        priorityWord(in: text, vocabulary).flatMap { vocabulary.priorities[Vocabulary.normalize($0)] }
    }

    /// The first priority word in `text`: `P0`..`P3` anywhere, `High`/`Medium`/`Low`/`Critical` when marked
    /// as a priority (in brackets, before a colon, after "priority"), or a coloured circle.
    static func priorityWord(in text: String, _ vocabulary: Vocabulary) -> String? {
        guard mayHoldPriorityWord(text) else { return nil }
        let isASCII = text.isAllASCII
        let words = isASCII
            ? text.utf8.split(whereSeparator: { ASCII.isSpace($0) || priorityBreaks.contains($0) }).map { Substring($0) }
            : text.split(whereSeparator: { $0.isWhitespace || "()[]{},;:*_/|".contains($0) })
        for (i, raw) in words.enumerated() {
            // In ASCII a priority word has at most eight letters and digits and begins with p, c, h, m, l or
            // u ("P0", "critical", "high", "medium", "low", "urgent"); status marks are not ASCII.
            if isASCII && !mayBePriority(raw.utf8) { continue }
            let w = String(raw).trimmingCharacters(in: ".!?-–—")
            let n = Vocabulary.normalize(w)
            if n.count == 2, n.first == "p", let d = n.last, ("0"..."3").contains(d) { return w.uppercased() }
            if w.unicodeScalars.first.map({ Vocabulary.statusMarks.contains($0) }) == true,
               vocabulary.priorities[n] != nil { return w }
            if ["critical", "high", "medium", "low", "urgent"].contains(n) {
                let before = i > 0 ? Vocabulary.normalize(String(words[i - 1])) : ""
                if before == "priority" || before == "prio" { return w }
                if let range = text.range(of: w) {
                    let after = text[range.upperBound...].first
                    let prior = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
                    if prior == "(" || prior == "[" || after == ")" || after == "]" || after == ":" { return w }
                    if text.contains("**\(w)**") { return w }
                }
            }
        }
        return nil
    }

    /// Whether `priorityWord` can find anything in `text`: a status mark, or one of its words spelled out
    /// (lowercased, apostrophes dropped, as `Vocabulary.normalize` reads a word). Most items have neither.
    /// (`checksBytes: false` skips `asciiMayHoldPriorityWord`, for tests that compare the two.)
    static func mayHoldPriorityWord(_ text: String, checksBytes: Bool = true) -> Bool {
        if checksBytes, let found = text.utf8.withContiguousStorageIfAvailable(asciiMayHoldPriorityWord) ?? nil { return found }
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        var hasOther = false
        var quote = 0  // bytes of a ’ (E2 80 99) matched so far
        for b in text.utf8 {
            if b == 0x27 { continue }
            if b >= 0x80 {
                hasOther = true
                if (quote == 0 && b == 0xE2) || (quote == 1 && b == 0x80) { quote += 1; continue }
                if quote == 2 && b == 0x99 { quote = 0; continue }
            }
            if quote > 0 { folded += quote == 1 ? [0xE2] : [0xE2, 0x80]; quote = 0 }
            folded.append(ASCII.lowercased(b))
        }
        if hasOther, text.unicodeScalars.contains(where: Vocabulary.statusMarks.contains) { return true }
        return priorityNeedles.contains { needle in folded.withUnsafeBufferPointer { contains($0, needle) } }
    }

    /// `mayHoldPriorityWord` on ASCII text without an apostrophe, in one pass: a letter that starts a needle
    /// is compared with that needle only, case folded in place (nil for any other text). Folding a copy and
    /// searching it once per needle was 1.5% of the instructions of a cold ingest.
    static func asciiMayHoldPriorityWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard ASCII.isAll(bytes), !bytes.contains(0x27) else { return nil }
        func has(_ needle: [UInt8], at i: Int) -> Bool {
            guard i + needle.count <= bytes.count else { return false }
            for k in 1..<needle.count where ASCII.lowercased(bytes[i + k]) != needle[k] { return false }
            return true
        }
        let (critical, high, medium, low, urgent) = spelledPriorities
        for i in bytes.indices {
            // `| 0x20` lowercases a letter and never turns another byte into one.
            switch bytes[i] | 0x20 {
            case UInt8(ascii: "p"):
                if i + 1 < bytes.count && bytes[i + 1] >= UInt8(ascii: "0") && bytes[i + 1] <= UInt8(ascii: "3") { return true }
            case UInt8(ascii: "c"): if has(critical, at: i) { return true }
            case UInt8(ascii: "h"): if has(high, at: i) { return true }
            case UInt8(ascii: "m"): if has(medium, at: i) { return true }
            case UInt8(ascii: "l"): if has(low, at: i) { return true }
            case UInt8(ascii: "u"): if has(urgent, at: i) { return true }
            default: continue
            }
        }
        return false
    }

    /// The priority words `priorityWord` finds when spelled out (besides `p0`...`p3`), lowercased.
    static let spelledPriorities = (Array("critical".utf8), Array("high".utf8), Array("medium".utf8), Array("low".utf8),
                                    Array("urgent".utf8))

    static let priorityNeedles: [[UInt8]] = ["p0", "p1", "p2", "p3"].map { Array($0.utf8) }
        + [spelledPriorities.0, spelledPriorities.1, spelledPriorities.2, spelledPriorities.3, spelledPriorities.4]

    private static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard hay.count >= needle.count else { return false }
        for start in 0...(hay.count - needle.count) where hay[start] == needle[0] {
            var k = 1
            while k < needle.count && hay[start + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }

    /// The ASCII bytes `priorityWord` splits words at, besides white space.
    static let priorityBreaks: Set<UInt8> = Set("()[]{},;:*_/|".utf8)

    /// Whether an ASCII word could normalise to a priority word (see `priorityWord`).
    static func mayBePriority(_ word: Substring.UTF8View) -> Bool {
        var letters = 0
        var first: UInt8 = 0
        for b in word where ASCII.isLetter(b) || ASCII.isDigit(b) {
            if letters == 0 { first = ASCII.lowercased(b) }
            letters += 1
            if letters > 8 { return false }
        }
        return letters >= 2 && "pchmlu".utf8.contains(first)
    }
}
