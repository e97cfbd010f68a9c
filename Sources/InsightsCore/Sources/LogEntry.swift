/// One dated entry of a multi-entry log: its heading, date and the lines of the original file it spans.
///
/// `## 2026-04-01 — CI pipeline` on line 7, content to line 36 →
/// `LogEntry(heading: "2026-04-01 — CI pipeline", date: "2026-04-01", level: 2, startLine: 7, endLine: 36)`.
public struct LogEntry: Sendable, Hashable, Codable {
    public var heading: String
    /// `YYYY-MM-DD`, from the heading.
    public var date: String
    public var level: Int
    /// The heading's line (1-based, in the original file).
    public var startLine: Int
    /// The entry's last line: the line before the next sibling heading, trailing blank lines and rules dropped.
    public var endLine: Int

    public init(heading: String, date: String, level: Int, startLine: Int, endLine: Int) {
        self.heading = heading; self.date = date; self.level = level; self.startLine = startLine; self.endLine = endLine
    }

    enum CodingKeys: String, CodingKey {
        case heading, date, level, startLine = "start_line", endLine = "end_line"
    }
}

/// How a note file becomes sessions: whole (`none`), one per dated entry (`entries`), or decided by the
/// file's shape (`auto`: split when at least two sibling headings carry a date).
public enum SplitMode: String, CaseIterable, Sendable, Codable {
    case none, entries, auto
}
