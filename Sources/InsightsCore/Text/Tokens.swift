import Foundation

/// Content words of a text: lowercased, stop-words and note boilerplate removed, stemmed.
///
/// `Tokens.content("Add the CSP security headers!")` → `["add", "csp", "secur", "header"]`.
public enum Tokens {
    /// Words as they appear (lowercased), split on anything that is not a letter or digit.
    public static func words(_ text: String) -> [String] {
        if let ascii = asciiWords(text) { return ascii }
        // Scalar by scalar, as `lowercased()` maps them (each scalar to its lowercase mapping), with ASCII on
        // bytes: a note with one emoji no longer pays Unicode property lookups for every letter.
        var out: [String] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty { out.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let b = UInt8(scalar.value)
                if (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) || b == 0x5f { current.append(b) }
                else if b >= 0x41 && b <= 0x5a { current.append(b | 0x20) }
                else { flush() }
                continue
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if Scalars.isWord(lower) || lower == "_" { current.append(contentsOf: String(lower).utf8) } else { flush() }
            }
        }
        flush()
        return out
    }

    /// `words` for pure-ASCII text, on bytes (same result as the Unicode path); nil when the text is not ASCII.
    static func asciiWords(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var out: [String] = []
            // About one word per six bytes of prose: growing the array from empty was a third of this function.
            out.reserveCapacity(bytes.count / 6 + 1)
            let isASCII = forEachASCIIWord(in: bytes) { start, end in
                out.append(String(unsafeUninitializedCapacity: end - start) { buffer in
                    for j in start..<end {
                        let b = bytes[j]
                        buffer[j - start] = b >= 0x41 && b <= 0x5a ? b | 0x20 : b
                    }
                    return end - start
                })
            }
            return isASCII ? out : nil
        }
    }

    /// Calls `body` with the start and end of each word of ASCII `bytes` as `words` splits them (runs of letters,
    /// digits and `_`, before lowercasing), in order; stops and returns false at the first byte that is not ASCII.
    @inlinable
    public static func forEachASCIIWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Void) -> Bool {
        var start = -1
        for i in 0..<bytes.count {
            let b = bytes[i]
            if b >= 0x80 { return false }
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b == 0x5f {
                if start < 0 { start = i }
            } else if start >= 0 {
                body(start, i)
                start = -1
            }
        }
        if start >= 0 { body(start, bytes.count) }
        return true
    }

    /// Stemmed content words, in order, duplicates kept.
    public static func content(_ text: String, extraStopWords: Set<String> = []) -> [String] {
        words(text).compactMap { word in
            guard isLongerThanOneCharacter(word), !stopWords.contains(word), !extraStopWords.contains(word),
                  !isNumber(word) else { return nil }
            let stemmed = Stemmer.stem(word)
            return stopWords.contains(stemmed) ? nil : stemmed
        }
    }

    static func isLongerThanOneCharacter(_ word: String) -> Bool {
        word.utf8.count > 1 && (word.utf8.allSatisfy { $0 < 0x80 } || word.count > 1)
    }

    /// All digits (ASCII checked on bytes; other scripts by `Character.isNumber`).
    static func isNumber(_ word: String) -> Bool {
        var isASCII = true
        for b in word.utf8 {
            if b >= 0x80 { isASCII = false; break }
            if b < 0x30 || b > 0x39 { return false }
        }
        return isASCII || word.allSatisfy(\.isNumber)
    }

    /// English stop-words plus words every session note uses ("session", "task", "fix", "issue", ...).
    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by", "can", "could", "did", "do", "does",
        "doing", "done", "for", "from", "had", "has", "have", "having", "he", "her", "here", "him", "his", "how",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "no", "not", "now",
        "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "same", "she", "should",
        "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
        "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
        "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "all", "any",
        "both", "each", "few", "nor", "also", "again", "about", "after", "before", "via", "per", "still", "yet",
        "get", "got", "make", "made", "use", "used", "using", "need", "needs", "needed", "must", "one", "two",
        "new", "way", "etc", "e", "g", "ie", "eg", "vs",
        // note boilerplate: words every note uses whatever went wrong
        "session", "sessions", "task", "tasks", "fix", "fixed", "fixes", "fixing", "issue", "issues", "problem",
        "problems", "work", "working", "worked", "item", "items", "todo", "note", "notes", "p0", "p1", "p2", "p3",
        "step", "steps", "thing", "things", "time", "add", "added", "adding", "update", "updated", "now",
        "first", "next", "later", "see", "instead", "because", "without", "within", "able", "ok", "tri", "try",
    ]
}
