import Foundation

/// Byte-level shortcuts for text that is all ASCII (nearly every line of a note). Each gives exactly what the
/// Character-level code it stands in for gives on such text; on other text the callers keep that code.
///
/// `"Blocked by #1".asciiRange(of: "by")` → the range of `by`; `"né".isAllASCII` → `false`.
extension StringProtocol {
    /// Whether every byte is below 0x80 (eight at a time for text in memory, as nearly all is).
    var isAllASCII: Bool { utf8.withContiguousStorageIfAvailable(ASCII.isAll) ?? utf8.allSatisfy { $0 < 0x80 } }

    /// `String(prefix(n))`: the first `n` characters, cut by bytes when they are ASCII without a `\r` and the
    /// byte after them is ASCII too (then no character spans the cut), by `Character` otherwise.
    func characterPrefix(_ n: Int) -> String {
        let cut: String?? = utf8.withContiguousStorageIfAvailable { bytes in
            let count = Swift.min(n, bytes.count)
            let head = UnsafeBufferPointer(rebasing: bytes[..<count])
            guard ASCII.isAll(head), !head.contains(0x0d), count == bytes.count || bytes[count] < 0x80 else { return nil }
            return String(decoding: head, as: UTF8.self)
        }
        return (cut ?? nil) ?? String(prefix(n))
    }

    /// Whether the ASCII `needle` occurs in this text, comparing bytes: where `contains` finds it unless a
    /// combining mark follows the match (see `byteRange(of:)`). With Foundation imported, `contains` with a
    /// string goes through `NSString` (6,000 instructions a call).
    public func containsASCII(_ needle: String) -> Bool { Substring(self).byteRange(of: needle) != nil }
}

extension String {
    /// `trimmingCharacters(in: set)` for a set of spaces (`.whitespaces`, `.whitespacesAndNewlines`), without
    /// Foundation when the text already starts and ends with a visible ASCII character, which no such set holds.
    func trimmed(_ set: CharacterSet) -> String {
        guard let first = utf8.first, let last = utf8.last, ASCII.isVisible(first), ASCII.isVisible(last) else {
            return trimmingCharacters(in: set)
        }
        return self
    }

    /// The first range of `needle` (ASCII) in this text (ASCII) at or after `start`, comparing bytes.
    func asciiRange(of needle: String, from start: Index? = nil) -> Range<Index>? {
        self[(start ?? startIndex)...].byteRange(of: needle)
    }
}

extension Substring {
    /// The first range where `needle`'s bytes occur. For an ASCII needle that is where it occurs as text
    /// unless a combining mark follows the match (an ASCII byte is never part of another character's bytes).
    public func byteRange(of needle: String) -> Range<String.Index>? {
        var needle = needle
        let hay = utf8
        // Text in memory (nearly always): `memchr` to each candidate first byte, `memcmp` for the rest.
        let found: Range<Int>?? = hay.withContiguousStorageIfAvailable { text in
            needle.withUTF8 { pattern -> Range<Int>? in
                guard let base = text.baseAddress, let first = pattern.first, text.count >= pattern.count else { return nil }
                var at = 0
                let last = text.count - pattern.count
                while at <= last {
                    guard let hit = memchr(base + at, Int32(first), last - at + 1) else { return nil }
                    at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if pattern.count == 1 || memcmp(base + at + 1, pattern.baseAddress! + 1, pattern.count - 1) == 0 {
                        return at..<(at + pattern.count)
                    }
                    at += 1
                }
                return nil
            }
        }
        if let found {
            guard let found else { return nil }
            let start = hay.index(hay.startIndex, offsetBy: found.lowerBound)
            return start..<hay.index(start, offsetBy: found.count)
        }
        // The needle's own bytes, not a copy of them per call (an item's dependency cues call this 8 times).
        return needle.withUTF8 { pattern -> Range<String.Index>? in
            guard let first = pattern.first else { return nil }
            var i = hay.startIndex
            while i != hay.endIndex {
                if hay[i] == first {
                    var j = hay.index(after: i), k = 1
                    while k < pattern.count, j != hay.endIndex, hay[j] == pattern[k] { j = hay.index(after: j); k += 1 }
                    if k == pattern.count { return i..<j }
                }
                i = hay.index(after: i)
            }
            return nil
        }
    }
}

enum ASCII {
    /// The bytes `Character.isWhitespace` is true of: tab, line feed, vertical tab, form feed, return, space.
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    /// A printable ASCII character other than space (`!` through `~`).
    @inline(__always) static func isVisible(_ b: UInt8) -> Bool { b > 32 && b < 127 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
    @inline(__always) static func lowercased(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    /// Whether every byte is below 0x80, read eight at a time (a byte at a time this was 1.2% of an ingest's
    /// instructions).
    static func isAll(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var seen: UInt64 = 0
        var i = 0
        while i + 8 <= bytes.count {
            seen |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            i += 8
        }
        while i < bytes.count { seen |= UInt64(base[i]); i += 1 }
        return seen & 0x8080_8080_8080_8080 == 0
    }

    /// Whether some position of `byte` in `bytes`, at `from` or after, passes `test` (the positions found with
    /// `memchr`, for pre-checks that look for a mark and what stands beside it).
    static func anyPosition(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int = 0, where test: (Int) -> Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var start = from
        while start < bytes.count, let found = memchr(base + start, Int32(byte), bytes.count - start) {
            let i = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if test(i) { return true }
            start = i + 1
        }
        return false
    }

    /// Whether ASCII `text`, lowercased, contains `needle` (lowercase ASCII).
    static func contains(_ text: String, lowercased needle: String) -> Bool {
        let hay = Array(text.utf8), pattern = Array(needle.utf8)
        guard !pattern.isEmpty, hay.count >= pattern.count else { return pattern.isEmpty }
        for start in 0...(hay.count - pattern.count) where lowercased(hay[start]) == pattern[0] {
            var k = 1
            while k < pattern.count && lowercased(hay[start + k]) == pattern[k] { k += 1 }
            if k == pattern.count { return true }
        }
        return false
    }

    /// The letters (lowercased) and digits of all-ASCII text, each run of other bytes one `separator` between
    /// them (none at either end), `skipping` left out as if absent; nil for text with any other byte.
    /// `alphanumericRuns("Don't  Panic!", separator: 0x20, skipping: 0x27)` → `"dont panic"`.
    static func alphanumericRuns(_ text: String, separator: UInt8, skipping: UInt8? = nil) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let isASCII = forEachAlphanumericByte(text.utf8, skipping: skipping) { b, startsRun in
            if startsRun && !out.isEmpty { out.append(separator) }
            out.append(b)
        }
        return isASCII ? String(decoding: out, as: UTF8.self) : nil
    }

    /// The runs `alphanumericRuns` would join, each a `String` of its own (nil for text with any other byte).
    /// `alphanumericWords("Don't  Panic!", skipping: 0x27)` → `["dont", "panic"]`.
    static func alphanumericWords(_ text: String, skipping: UInt8? = nil) -> [String]? {
        var words: [String] = []
        var word: [UInt8] = []
        let isASCII = forEachAlphanumericByte(text.utf8, skipping: skipping) { b, startsRun in
            if startsRun && !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
            word.append(b)
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return isASCII ? words : nil
    }

    /// Calls `body` with each letter (lowercased) and digit of ASCII `bytes`, and whether it starts a run (other
    /// bytes end runs; `skipping` is left out as if absent); stops and returns false at the first byte that is
    /// not ASCII. Inlined, so each caller's loop stays one loop over the bytes.
    @inline(__always)
    static func forEachAlphanumericByte<Bytes: Sequence<UInt8>>(_ bytes: Bytes, skipping: UInt8?, _ body: (UInt8, Bool) -> Void) -> Bool {
        var startsRun = true
        for b in bytes {
            guard b < 0x80 else { return false }
            if b == skipping { continue }
            if isLetter(b) || isDigit(b) {
                body(lowercased(b), startsRun)
                startsRun = false
            } else {
                startsRun = true
            }
        }
        return true
    }
}
