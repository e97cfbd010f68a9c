import Foundation

/// A note's YAML-style front matter: the simple `key: value` subset notes use.
///
/// `"---\ntitle: Billing\ndate: 2026-09-10\ntags: [db, ops]\n---\n# Body"` →
/// `FrontMatter(values: ["title": "Billing", "date": "2026-09-10"], tags: ["db", "ops"], lineCount: 5)`.
public struct FrontMatter: Sendable, Hashable {
    public var values: [String: String] = [:]
    public var tags: [String] = []
    /// How many lines at the top of the note it spans (0 when there is none).
    public var lineCount = 0

    /// Reads front matter from `lines`, or returns an empty value when the note has none.
    public init(lines: [Substring]) {
        guard let first = lines.first, first.trimmingSpaces == "---" else { return }
        var listKey: String?
        for (index, raw) in lines.enumerated().dropFirst() {
            let line = raw.trimmingSpaces
            if line == "---" || line == "..." {
                lineCount = index + 1
                return
            }
            if line.hasPrefix("- "), let key = listKey {
                let item = Self.unquote(String(line.dropFirst(2)))
                if key == "tags" || key == "tag" || key == "keywords" { tags.append(item) }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingSpaces.lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces
            listKey = value.isEmpty ? key : nil
            if key == "tags" || key == "tag" || key == "keywords" {
                tags += Self.list(value)
            } else if !value.isEmpty {
                values[key] = Self.unquote(value)
            }
            if index > 200 { break }
        }
        // No closing fence: not front matter after all.
        values = [:]; tags = []; lineCount = 0
    }

    static func list(_ value: String) -> [String] {
        var v = Substring(value)
        if v.hasPrefix("[") && v.hasSuffix("]") { v = v.dropFirst().dropLast() }
        return v.split(separator: ",").map { unquote($0.trimmingSpaces) }.filter { !$0.isEmpty }
    }

    static func unquote(_ s: String) -> String {
        if s.count >= 2, let f = s.first, let l = s.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
            return String(s.dropFirst().dropLast())
        }
        return s
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        // Nothing to trim when both ends are ASCII and not white space (a grapheme cannot end in such a byte
        // unless it is that one character).
        var s = Substring(self)
        if let f = s.utf8.first, let l = s.utf8.last, f < 0x80, l < 0x80, !ASCII.isSpace(f), !ASCII.isSpace(l) { return String(s) }
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
