/// A note's text prepared for parsing: BOM removed, front matter read and blanked so line numbers stay true.
///
/// `NoteText("---\ntitle: X\n---\n# Body")` → `markdown == "\n\n\n# Body"`, `frontMatter.values["title"] == "X"`.
public struct NoteText: Sendable {
    /// The note's source lines (without line terminators), 1-based line `n` at index `n - 1`.
    public let lines: [Substring]
    public let frontMatter: FrontMatter
    /// The text to hand to the Markdown parser.
    public let markdown: String

    public init(_ text: String) {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        // "\r\n" is a single Character in Swift: both end a line, or a CRLF note is one long line. Found by
        // bytes (a line feed is always a character of its own, or the end of a CR LF pair).
        var lines: [Substring] = []
        let utf8 = body.utf8
        var start = utf8.startIndex
        var i = start
        var previous: String.Index?
        while i != utf8.endIndex {
            if utf8[i] == 10 {
                let end = previous.map { utf8[$0] == 13 ? $0 : i } ?? i
                lines.append(body[start..<end])
                start = utf8.index(after: i)
            }
            previous = i
            utf8.formIndex(after: &i)
        }
        lines.append(body[start..<utf8.endIndex])
        self.lines = lines
        self.frontMatter = FrontMatter(lines: lines)
        if frontMatter.lineCount > 0 {
            markdown = String(repeating: "\n", count: frontMatter.lineCount)
                + lines.dropFirst(frontMatter.lineCount).joined(separator: "\n")
        } else {
            markdown = body
        }
    }

    /// Source lines `from...to` (1-based, clamped) joined with newlines.
    public func source(from: Int, to: Int) -> String {
        let lo = max(1, from), hi = min(lines.count, to)
        guard lo <= hi else { return "" }
        return lines[(lo - 1)...(hi - 1)].joined(separator: "\n")
    }

    /// One source line, or "" when out of range.
    public func line(_ n: Int) -> Substring {
        n >= 1 && n <= lines.count ? lines[n - 1] : ""
    }
}
