import InsightsCore

/// The kinds of searchable item, as named in `--kind` and JSON.
public enum ItemKind: String, Sendable, Codable, CaseIterable {
    case session, finding, friction, completed, task, update, takeaway
}

/// One searchable row: a session's extracted item flattened to title and body.
struct SearchRow {
    var kind: ItemKind
    var ordinal: Int
    var title: String
    var body: String
    var line: Int
    var priority: String?
    var priorityRank: Int?
    var status: String?
    var category: String?
}

enum SearchRows {
    /// Every item of a session as search rows, the session itself first.
    static func rows(for s: Session) -> [SearchRow] {
        var rows: [SearchRow] = []
        let fields = s.fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
        rows.append(SearchRow(kind: .session, ordinal: 0, title: s.title, body: fields + "\n" + s.tags.joined(separator: " "), line: 1))
        for (i, f) in s.findings.enumerated() {
            rows.append(SearchRow(kind: .finding, ordinal: i, title: f.title, body: f.text, line: f.line,
                                  priority: f.severity, priorityRank: nil, category: f.category))
        }
        for (i, f) in s.friction.enumerated() {
            rows.append(SearchRow(kind: .friction, ordinal: i, title: f.problem,
                                  body: [f.response, f.correction].filter { !$0.isEmpty }.joined(separator: "\n"), line: f.line))
        }
        for (i, c) in s.completed.enumerated() {
            rows.append(SearchRow(kind: .completed, ordinal: i, title: c.title, body: c.note, line: c.line, status: "done"))
        }
        for (i, r) in s.remaining.enumerated() {
            rows.append(SearchRow(kind: .task, ordinal: i, title: r.title, body: r.detail, line: r.line,
                                  priority: r.priority, priorityRank: r.priorityRank, status: "open"))
        }
        for (i, u) in s.updates.enumerated() {
            rows.append(SearchRow(kind: .update, ordinal: i, title: u.title, body: u.text, line: u.line, status: u.status))
        }
        for (i, t) in s.takeaways.enumerated() {
            rows.append(SearchRow(kind: .takeaway, ordinal: i, title: t.title, body: t.text, line: t.line))
        }
        return rows
    }
}
