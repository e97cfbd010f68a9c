/// Finds the dated entries of a multi-entry log (`## 2026-04-12 — ...` sections), conservatively.
///
/// A note splits only when at least two sibling headings (same level, same parent, at the top of the note or
/// directly under its `#` title) each carry a date `DateParser` understands; each entry is its heading plus
/// everything up to the next heading of the same or a higher level; a dated heading with nothing under it
/// (a stack of `# Date: ...` header lines) is not an entry.
/// `"# Log\n\n## 2026-04-02 B\nb\n\n## 2026-04-01 A\na\n"` → entries at lines 3–4 and 6–7.
/// A `### 2023-08-25` timeline under `## Timeline` is not a log: its parent is a section, not the title.
public enum EntrySplitter {
    /// The entries of `document` (parsed from `note`), or `[]` when the note is one session under `mode`.
    /// `auto` needs two dated siblings; `entries` accepts one; `none` never splits.
    /// Not optimized: Swift 6.3.1's CopyPropagation pass crashes on this function in release builds
    /// (signal 6 in the SIL ownership verifier); it runs once per note, so the cost is nil.
    @_optimize(none)
    public static func entries(in document: Block, note: NoteText, mode: SplitMode) -> [LogEntry] {
        guard mode != .none else { return [] }
        let headings = document.children.compactMap { block -> (level: Int, line: Int, text: String)? in
            block.headingLevel.map { ($0, block.line, block.plainText.trimmingSpaces) }
        }
        guard !headings.isEmpty else { return [] }
        // The title: a first `#` heading, under which the entries may sit.
        let titleLine = headings[0].level == 1 ? headings[0].line : nil
        struct Group { var level: Int; var members: [Int] }
        var groups: [String: Group] = [:]
        for (i, h) in headings.enumerated() where DateParser.firstDate(in: h.text) != nil {
            let parent = headings[..<i].last { $0.level < h.level }
            guard parent == nil || (parent?.line == titleLine && i > 0) else { continue }
            if h.line == titleLine && !headings.dropFirst().contains(where: { $0.level == 1 }) {
                continue // a dated title over its own sections is one note, not an entry
            }
            // A heading with nothing under it is part of a header block (`# Date: 2025-10-03` right above
            // `# Session: 20251003 ...`), not an entry.
            let next = headings[(i + 1)...].first { $0.level <= h.level }?.line ?? (note.lines.count + 1)
            guard ((h.line + 1)..<max(h.line + 1, next)).contains(where: { !note.line($0).trimmingSpaces.isEmpty }) else { continue }
            groups["\(h.level):\(parent?.line ?? 0)", default: Group(level: h.level, members: [])].members.append(i)
        }
        let minimum = mode == .auto ? 2 : 1
        guard let best = groups.values.filter({ $0.members.count >= minimum })
            .max(by: { ($0.members.count, -$0.level) < ($1.members.count, -$1.level) }) else { return [] }
        let breaks = Set(document.children.filter { $0.kind == .thematicBreak }.map(\.line))
        return best.members.map { i in
            let h = headings[i]
            let next = headings[(i + 1)...].first { $0.level <= h.level }?.line ?? (note.lines.count + 1)
            var end = next - 1
            while end > h.line, note.line(end).trimmingSpaces.isEmpty || breaks.contains(end) { end -= 1 }
            return LogEntry(heading: h.text, date: DateParser.firstDate(in: h.text) ?? "", level: h.level,
                            startLine: h.line, endLine: end)
        }
    }

    /// The entry's own text (its lines joined with `\n`), which its hash is computed from.
    public static func text(of entry: LogEntry, in note: NoteText) -> String {
        note.source(from: entry.startLine, to: entry.endLine)
    }

    /// The entry as a note of its own whose line numbers are the original file's: earlier lines left blank.
    public static func paddedText(of entry: LogEntry, in note: NoteText) -> String {
        String(repeating: "\n", count: max(0, entry.startLine - 1)) + text(of: entry, in: note)
    }

    /// A cheap test run before parsing: could `text` hold enough dated headings (`#` or setext) at all?
    public static func mayHaveEntries(_ text: String, mode: SplitMode) -> Bool {
        guard mode != .none else { return false }
        let needed = mode == .auto ? 2 : 1
        var count = 0
        // Lines by bytes: a line ends at a line feed that is its own character (a CR LF pair is one Character,
        // which this test has always read as part of a line).
        // Over the bytes in memory: through String's UTF-8 view, each byte's index cost ten times the test.
        var text = text
        return text.withUTF8 { utf8 in
            var start = 0
            var previous: UInt8 = 0
            var i = 0
            while true {
                let atEnd = i == utf8.count
                let b = atEnd ? 0 : utf8[i]
                if atEnd || (b == 10 && previous != 13) {
                    var first = start
                    while first != i && utf8[first] == 32 { first += 1 }
                    if first != i {
                        if utf8[first] == UInt8(ascii: "=") {
                            if utf8[first..<i].allSatisfy({ $0 == UInt8(ascii: "=") || $0 == 32 || $0 == 13 }) { return true }
                        } else if utf8[first] == UInt8(ascii: "#"),
                                  DateParser.firstDate(in: String(decoding: UnsafeBufferPointer(rebasing: utf8[first..<i]), as: UTF8.self)) != nil {
                            count += 1
                            if count >= needed { return true }
                        }
                    }
                    if atEnd { break }
                    start = i + 1
                }
                previous = b
                i += 1
            }
            return false
        }
    }
}
