import Foundation

/// Dates a failure's text mentions (`2026-09-03`, or `09-03` read in the note's own year), so "Same as
/// 2026-09-03" can count as evidence that it is the failure of that day again.
///
/// `DateMentions.find(in: "Same as 2026-09-03 and 09-15.", year: "2026")` → `["2026-09-03", "2026-09-15"]`;
/// with `noteDate: "2026-09-10"`, "Same failure as on the 3rd" → `["2026-09-03"]`.
public enum DateMentions {
    public static func find(in text: String, year: String, noteDate: String = "") -> Set<String> {
        // Every date and ordinal read below has an ASCII digit (`Int` parses no other); many texts have none.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [] }
        var out = ordinals(in: text, noteDate: noteDate)
        let chars = Array(text.utf8)
        func digits(_ i: Int, _ n: Int) -> Bool {
            guard i >= 0, i + n <= chars.count else { return false }
            return chars[i..<(i + n)].allSatisfy { $0 >= 48 && $0 <= 57 }
        }
        func isBoundary(_ i: Int) -> Bool {
            i < 0 || i >= chars.count || !(chars[i] >= 48 && chars[i] <= 57) && chars[i] != UInt8(ascii: "-")
        }
        let dash = UInt8(ascii: "-")
        var i = 0
        while i < chars.count {
            if isBoundary(i - 1), digits(i, 4), i + 10 <= chars.count, chars[i + 4] == dash, digits(i + 5, 2),
               chars[i + 7] == dash, digits(i + 8, 2), isBoundary(i + 10) {
                let m = Int(String(decoding: chars[(i + 5)..<(i + 7)], as: UTF8.self)) ?? 0
                let d = Int(String(decoding: chars[(i + 8)..<(i + 10)], as: UTF8.self)) ?? 0
                if (1...12).contains(m) && (1...31).contains(d) { out.insert(String(decoding: chars[i..<(i + 10)], as: UTF8.self)) }
                i += 10; continue
            }
            if !year.isEmpty, isBoundary(i - 1), digits(i, 2), i + 5 <= chars.count, chars[i + 2] == dash, digits(i + 3, 2),
               isBoundary(i + 5) {
                let m = Int(String(decoding: chars[i..<(i + 2)], as: UTF8.self)) ?? 0
                let d = Int(String(decoding: chars[(i + 3)..<(i + 5)], as: UTF8.self)) ?? 0
                if (1...12).contains(m) && (1...31).contains(d) {
                    out.insert(year + "-" + String(decoding: chars[i..<(i + 5)], as: UTF8.self))
                }
                i += 5; continue
            }
            i += 1
        }
        return out
    }

    /// Whether the text may hold "the" followed by a number: most texts have no ordinal, and this skips splitting
    /// them into words (nearly every text has a "the"; splitting them all was 7% of recomputing failures). Errs
    /// towards yes: any non-ASCII byte may be a separator or a letter.
    static func mayHaveOrdinal(_ text: String) -> Bool {
        let u = Array(text.utf8)
        guard u.count >= 5 else { return false }
        func isASCIIWord(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b | 0x20 >= 97 && b | 0x20 <= 122) }
        for i in 0..<(u.count - 3) where u[i] | 0x20 == 0x74 && u[i + 1] | 0x20 == 0x68 && u[i + 2] | 0x20 == 0x65 {
            if i > 0, isASCIIWord(u[i - 1]) { continue }
            var j = i + 3
            while j < u.count, !isASCIIWord(u[j]) { j += 1 }
            if j > i + 3, j < u.count, u[j] >= 48 && u[j] <= 57 { return true }
        }
        return false
    }

    /// "on the 3rd", "the 21st": the latest such day on or before the note's date (this month or the last).
    static func ordinals(in text: String, noteDate: String) -> Set<String> {
        let parts = noteDate.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, mayHaveOrdinal(text) else { return [] }
        var out = Set<String>()
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        for (i, w) in words.enumerated() where i > 0 && words[i - 1] == "the" {
            let digits = w.prefix { $0.isNumber }
            guard !digits.isEmpty, let day = Int(digits), (1...31).contains(day),
                  ["st", "nd", "rd", "th"].contains(String(w.dropFirst(digits.count))) else { continue }
            var (y, m) = (parts[0], parts[1])
            if day >= parts[2] { m -= 1; if m == 0 { m = 12; y -= 1 } }
            out.insert(String(format: "%04d-%02d-%02d", y, m, day))
        }
        return out
    }
}
