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
        // "\r\n" is a single Character in Swift: split on both, or a CRLF note is one long line.
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
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
