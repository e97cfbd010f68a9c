import InsightsCLI
import InsightsCore
import InsightsStore

/// Compact JSON shapes for tool results: ids, titles, short text, session and line; long text is clipped.
enum ToolJSON {
    /// Characters kept of a long text field before it is clipped with "…".
    static let textLimit = 400

    static func clip(_ text: String, _ limit: Int = textLimit) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    /// The brief with each fix and lesson clipped (they often quote whole code blocks).
    static func compact(_ brief: Brief) -> Brief {
        func clipped(_ lines: [Brief.FailureLine]) -> [Brief.FailureLine] {
            lines.map { line in
                var line = line
                if let text = line.fix?.text { line.fix?.text = clip(text) }
                if let text = line.lesson?.text { line.lesson?.text = clip(text) }
                return line
            }
        }
        var b = brief
        b.warnings = clipped(b.warnings)
        b.watchOutFor = clipped(b.watchOutFor)
        return b
    }

    /// A capped list and whether anything was left out.
    struct Page<T: Encodable>: Encodable {
        var total: Int
        var shown: Int
        var truncated: Bool
        var note: String?
        var items: [T]

        init(_ all: [T], cap: Int, hint: String) {
            total = all.count
            items = Array(all.prefix(cap))
            shown = items.count
            truncated = all.count > cap
            note = truncated ? "showing \(cap) of \(all.count); \(hint)" : nil
        }
    }

    struct Hit: Encodable {
        var kind, title, snippet, session, date, file: String
        var line: Int
        var priority, status: String?

        init(_ h: SearchHit) {
            kind = h.kind.rawValue; title = clip(h.title, 200); snippet = h.snippet.rendered(open: "[", close: "]")
            session = h.sessionID; date = h.date; file = h.file; line = h.line; priority = h.priority; status = h.status
        }
    }

    struct TaskSummary: Encodable {
        var id, title, status, lastSeen, session: String
        var priority: String?
        var line, mentions: Int
        var reopened: Bool
        var dependsOn: [String]

        init(_ t: TrackedTask) {
            let latest = t.mentions.last
            id = t.id; title = clip(t.title, 200); status = t.status.rawValue; lastSeen = t.lastSeen
            priority = t.priorityRank.map { Priority.label(rank: $0) } ?? t.priority
            session = latest?.session ?? ""; line = latest?.line ?? 0; mentions = t.mentions.count
            reopened = t.isReopened; dependsOn = t.dependsOn
        }

        enum CodingKeys: String, CodingKey {
            case id, title, status, lastSeen = "last_seen", session, priority, line, mentions, reopened, dependsOn = "depends_on"
        }
    }

    struct FailureSummary: Encodable {
        var id, title, status, firstSeen, lastSeen: String
        var sessions: Int
        var lastFix: FailureFix?

        init(_ c: FailureCluster) {
            id = c.id; title = clip(c.title, 200); status = c.status.rawValue; firstSeen = c.firstSeen
            lastSeen = c.lastSeen; sessions = c.sessions
            lastFix = c.fixes.first.map { FailureFix(session: $0.session, date: $0.date, line: $0.line, text: clip($0.text)) }
        }

        enum CodingKeys: String, CodingKey {
            case id, title, status, firstSeen = "first_seen", lastSeen = "last_seen", sessions, lastFix = "last_fix"
        }
    }

    /// A session's extracted content, each list capped and each text clipped.
    struct SessionDetail: Encodable {
        struct Line: Encodable {
            var title: String
            var line: Int
            var detail: String?
            var priority: String?
        }

        var id, title, date, source: String
        var tags: [String]
        var findings, friction, completed, remaining, updates, takeaways: Page<Line>

        init(_ s: Session, cap: Int) {
            id = s.id; title = s.title; date = s.date; source = s.source; tags = s.tags
            let hint = "read the note itself for the rest"
            findings = Page(s.findings.map { Line(title: clip($0.title, 200), line: $0.line, detail: clip($0.text), priority: $0.severity) }, cap: cap, hint: hint)
            friction = Page(s.friction.map {
                Line(title: clip($0.problem, 200), line: $0.line,
                     detail: clip("response: \($0.response)" + ($0.correction.isEmpty ? "" : " · correct response: \($0.correction)")))
            }, cap: cap, hint: hint)
            completed = Page(s.completed.map { Line(title: clip($0.title, 200), line: $0.line, detail: $0.status.isEmpty ? nil : $0.status) }, cap: cap, hint: hint)
            remaining = Page(s.remaining.map {
                Line(title: clip($0.title, 200), line: $0.line, detail: $0.detail.isEmpty ? nil : clip($0.detail),
                     priority: $0.priorityRank.map { Priority.label(rank: $0) } ?? $0.priority)
            }, cap: cap, hint: hint)
            updates = Page(s.updates.map { Line(title: clip($0.title, 200), line: $0.line, detail: clip($0.text), priority: nil) }, cap: cap, hint: hint)
            takeaways = Page(s.takeaways.map { Line(title: clip($0.title, 200), line: $0.line, detail: clip($0.text)) }, cap: cap, hint: hint)
        }
    }
}
