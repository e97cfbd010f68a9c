import Foundation

/// Content words of a text: lowercased, stop-words and note boilerplate removed, stemmed.
///
/// `Tokens.content("Add the CSP security headers!")` → `["add", "csp", "secur", "header"]`.
public enum Tokens {
    /// Words as they appear (lowercased), split on anything that is not a letter or digit.
    public static func words(_ text: String) -> [String] {
        if let ascii = asciiWords(text) { return ascii }
        var out: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if Scalars.isWord(scalar) || scalar == "_" {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                out.append(current); current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// `words` for all-ASCII text, byte by byte (the same result: in ASCII only letters and digits are
    /// alphabetic or numeric); nil when the text holds anything else.
    static func asciiWords(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var out: [String] = []
            var word: [UInt8] = []
            for b in bytes {
                if b >= 0x80 { return nil }
                switch b {
                case 0x41...0x5A: word.append(b | 0x20)
                case 0x61...0x7A, 0x30...0x39, 0x5F: word.append(b)
                default:
                    if !word.isEmpty { out.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
                }
            }
            if !word.isEmpty { out.append(String(decoding: word, as: UTF8.self)) }
            return out
        }
    }

    /// Stemmed content words, in order, duplicates kept.
    public static func content(_ text: String, extraStopWords: Set<String> = []) -> [String] {
        words(text).compactMap { word in
            guard word.count > 1, !stopWords.contains(word), !extraStopWords.contains(word),
                  !word.allSatisfy(\.isNumber) else { return nil }
            let stemmed = Stemmer.stem(word)
            return stopWords.contains(stemmed) ? nil : stemmed
        }
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
