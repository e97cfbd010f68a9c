import Foundation

/// Finds calendar dates written the ways notes write them.
///
/// `DateParser.firstDate(in: "Session Insights - December 17, 2025")` → `"2025-12-17"`;
/// also `2025-12-17`, `2025/12/17`, `17 Dec 2025`, `Dec 17 2025`, `20251218` and `2026_01_07` (in file names).
public enum DateParser {
    /// The first valid date in `text` as `YYYY-MM-DD`, or nil.
    public static func firstDate(in text: String) -> String? {
        firstMatch(in: text)?.date
    }

    /// The first date and the character range it was written in.
    public static func firstMatch(in text: String) -> (date: String, range: Range<String.Index>)? {
        // Every form has a year: no four ASCII digits, no date (most headings and items).
        var digits = 0
        for b in text.utf8 where ASCII.isDigit(b) { digits += 1; if digits == 4 { break } }
        guard digits == 4 else { return nil }
        let tokens = tokenize(text)
        var best: (date: String, range: Range<String.Index>)?
        for i in tokens.indices {
            if let found = match(tokens, at: i) {
                if best == nil || found.range.lowerBound < best!.range.lowerBound { best = found }
                break
            }
        }
        return best
    }

    private struct Token {
        var text: Substring
        var range: Range<String.Index>
        var isNumber: Bool
    }

    private static func tokenize(_ text: String) -> [Token] {
        if text.isAllASCII { return asciiTokens(text) }
        var tokens: [Token] = []
        var start: String.Index?
        var isNumber = false
        var i = text.startIndex
        while i <= text.endIndex {
            let c: Character? = i < text.endIndex ? text[i] : nil
            let isDigit = c.map { $0.isASCII && $0.isNumber } ?? false
            let isLetter = c.map { $0.isASCII && $0.isLetter } ?? false
            if let s = start {
                if (isNumber && !isDigit) || (!isNumber && !isLetter) {
                    tokens.append(Token(text: text[s..<i], range: s..<i, isNumber: isNumber))
                    start = nil
                }
            }
            if start == nil, isDigit || isLetter {
                start = i; isNumber = isDigit
            }
            if i == text.endIndex { break }
            i = text.index(after: i)
        }
        return tokens
    }

    /// `tokenize` of ASCII text, by bytes (the same runs of digits and of letters).
    private static func asciiTokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let utf8 = text.utf8
        var start: String.Index?
        var isNumber = false
        var i = utf8.startIndex
        while true {
            let b: UInt8? = i == utf8.endIndex ? nil : utf8[i]
            let isDigit = b.map(ASCII.isDigit) ?? false, isLetter = b.map(ASCII.isLetter) ?? false
            if let s = start, (isNumber && !isDigit) || (!isNumber && !isLetter) {
                tokens.append(Token(text: text[s..<i], range: s..<i, isNumber: isNumber))
                start = nil
            }
            if start == nil, isDigit || isLetter { start = i; isNumber = isDigit }
            guard b != nil else { break }
            utf8.formIndex(after: &i)
        }
        return tokens
    }

    private static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    private static func match(_ t: [Token], at i: Int) -> (date: String, range: Range<String.Index>)? {
        func num(_ k: Int) -> Int? { k < t.count && t[k].isNumber ? Int(t[k].text) : nil }
        func month(_ k: Int) -> Int? { k < t.count && !t[k].isNumber ? months[t[k].text.lowercased()] : nil }
        func digits(_ k: Int) -> Int { k < t.count ? t[k].text.count : 0 }
        func range(_ a: Int, _ b: Int) -> Range<String.Index> { t[a].range.lowerBound..<t[b].range.upperBound }

        // 2025-12-17, 2025/12/17, 2025_12_17, 2025.12.17
        if digits(i) == 4, let y = num(i), let m = num(i + 1), let d = num(i + 2), digits(i + 1) <= 2, digits(i + 2) <= 2,
           let date = make(y, m, d) {
            return (date, range(i, i + 2))
        }
        // 20251217 (file names, "SESSION 20251018")
        if digits(i) == 8 || (digits(i) > 8 && digits(i) <= 12),
           let whole = num(i) {
            let s = String(t[i].text.prefix(8))
            if let v = Int(s), let date = make(v / 10000, (v / 100) % 100, v % 100), whole > 0 {
                return (date, t[i].range)
            }
        }
        // December 17, 2025 / Dec 17 2025
        if let m = month(i), let d = num(i + 1), digits(i + 1) <= 2, let y = num(i + 2), digits(i + 2) == 4,
           let date = make(y, m, d) {
            return (date, range(i, i + 2))
        }
        // 17 December 2025
        if let d = num(i), digits(i) <= 2, let m = month(i + 1), let y = num(i + 2), digits(i + 2) == 4,
           let date = make(y, m, d) {
            return (date, range(i, i + 2))
        }
        return nil
    }

    /// `YYYY-MM-DD` when the parts make a real date between 1990 and 2100.
    static func make(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1990...2100).contains(y), (1...12).contains(m), d >= 1 else { return nil }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= days[m - 1] else { return nil }
        return "\(y)-\(pad(m))-\(pad(d))"
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
