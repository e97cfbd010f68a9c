import Foundation
import InsightsCore

/// What the plan keeps of each session: enough for the pages that list sessions, for links and anchors into
/// its page, and for its page's key. The session itself is read again when a page shows it.
struct SessionSummary: Sendable {
    var id: String
    var title: String
    var date: String
    var tags: [String]
    /// Output path (`sessions/2025-12-17-session-insights.html`), set by the plan.
    var path = ""
    /// Fingerprint of everything its page shows of it: the note and the items.
    var digest: String
    /// The note's file name, lowercased (from `Session.source`), as other notes link to it.
    var noteName: String
    var counts: Counts
    /// The line of every item, by kind in `Counts` order.
    var lines: [Int32]

    /// Items by kind, in the order of `lines` (and of the anchors' search: findings first).
    struct Counts: Sendable {
        var findings: Int32, friction: Int32, completed: Int32, remaining: Int32, updates: Int32, takeaways: Int32
    }

    static let kinds = ["finding", "friction", "completed", "remaining", "update", "takeaway"]

    init(_ note: SiteNote) {
        let s = note.session
        id = s.id; title = s.title; date = s.date; tags = s.tags
        noteName = PathParts.name(s.source.isEmpty ? s.id + ".md" : s.source).lowercased()
        counts = Counts(findings: Int32(s.findings.count), friction: Int32(s.friction.count), completed: Int32(s.completed.count),
                        remaining: Int32(s.remaining.count), updates: Int32(s.updates.count), takeaways: Int32(s.takeaways.count))
        var lines: [Int32] = []
        lines.reserveCapacity(s.findings.count + s.friction.count + s.completed.count + s.remaining.count + s.updates.count
                              + s.takeaways.count)
        for line in s.findings.map(\.line) + s.friction.map(\.line) + s.completed.map(\.line) + s.remaining.map(\.line)
            + s.updates.map(\.line) + s.takeaways.map(\.line) {
            lines.append(Int32(truncatingIfNeeded: line))
        }
        self.lines = lines
        var d = Fingerprint()
        d.add(note.markdown)
        d.addSession(s)
        digest = d.hex
    }

    /// The anchor its page gives its item at `line` (`finding-3`): the first item on that line, findings first.
    func anchor(line: Int) -> String? {
        let line = Int32(truncatingIfNeeded: line)
        var start = 0
        for (kind, count) in zip(Self.kinds, countList) {
            if let i = lines[start..<(start + count)].firstIndex(of: line) { return "\(kind)-\(i - start + 1)" }
            start += count
        }
        return nil
    }

    /// The lines of the items its page links to tasks and failures: all but the takeaways.
    var linkedLines: ArraySlice<Int32> { lines[..<(lines.count - Int(counts.takeaways))] }

    private var countList: [Int] {
        [counts.findings, counts.friction, counts.completed, counts.remaining, counts.updates, counts.takeaways].map(Int.init)
    }
}
