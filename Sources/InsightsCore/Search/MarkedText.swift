/// Text with some spans marked as matches (a search snippet or title), renderable for a terminal, HTML or JSON.
///
/// `MarkedText(marked: "32 \u{E000}migrations\u{E001} exist", open: "\u{E000}", close: "\u{E001}")` →
/// `text == "32 migrations exist"`, `highlights == [3..<13]`; `.rendered(open: "[", close: "]")` → `"32 [migrations] exist"`.
public struct MarkedText: Sendable, Hashable, Codable {
    /// The plain text, whitespace runs (newlines included) collapsed to one space.
    public var text: String
    /// Marked spans as UTF-16 offsets into `text` (what JavaScript's `String.slice` takes).
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>] = []) {
        self.text = text
        self.highlights = highlights
    }

    /// Reads text whose matches sit between `open` and `close` markers (unbalanced markers are dropped). Each
    /// marker must be a single Unicode scalar. Walks scalars, not Characters: grapheme breaking made the 20
    /// results of a search take 0.4–0.8 ms here.
    public init(marked: String, open: Character, close: Character) {
        let open = open.unicodeScalars.first, close = close.unicodeScalars.first
        var text = String.UnicodeScalarView()
        var highlights: [Range<Int>] = []
        var offset = 0
        var start: Int?
        var isSpacePending = false
        for c in marked.unicodeScalars {
            if c == open {
                // Matches separated only by spaces read as one: "[FIR Filter]", not "[FIR] [Filter]".
                if let last = highlights.last, last.upperBound == offset {
                    highlights.removeLast()
                    if isSpacePending { text.append(" "); offset += 1; isSpacePending = false }
                    start = last.lowerBound
                    continue
                }
                if isSpacePending {
                    text.append(" "); offset += 1
                    isSpacePending = false
                }
                start = offset
                continue
            }
            if c == close {
                if let s = start, s < offset { highlights.append(s..<offset) }
                start = nil
                continue
            }
            if c.isASCII ? c == " " || (0x09...0x0D).contains(c.value) : c.properties.isWhitespace {
                isSpacePending = !text.isEmpty
                continue
            }
            if isSpacePending {
                text.append(" "); offset += 1
                isSpacePending = false
            }
            text.append(c)
            offset += c.utf16.count
        }
        self.text = String(text)
        self.highlights = highlights
    }

    /// The text with every highlight wrapped in `open`/`close`; `escape` is applied to the text between them
    /// (pass an HTML escaper for `<mark>`).
    public func rendered(open: String, close: String, escape: (String) -> String = { $0 }) -> String {
        // Offsets to indexes by walking the text once (constant time a step on ASCII text), not by decoding
        // UTF-16 pieces back into strings (the 20 results of a search: 1 million instructions).
        let utf16 = text.utf16
        let count = utf16.count
        var out = ""
        var position = text.startIndex
        var offset = 0
        for h in highlights where h.lowerBound >= offset && h.upperBound <= count {
            let lower = utf16.index(position, offsetBy: h.lowerBound - offset)
            let upper = utf16.index(lower, offsetBy: h.count)
            out += escape(String(text[position..<lower])) + open + escape(String(text[lower..<upper])) + close
            position = upper
            offset = h.upperBound
        }
        return out + escape(String(text[position...]))
    }

    /// The marked words, lowercased, in order: `["migrations"]`.
    public var matchedWords: [String] {
        let plain = MarkedText(text: text)
        let utf16 = Array(plain.text.utf16)
        return highlights.filter { $0.upperBound <= utf16.count }.map { String(decoding: utf16[$0], as: UTF16.self).lowercased() }
    }
}
