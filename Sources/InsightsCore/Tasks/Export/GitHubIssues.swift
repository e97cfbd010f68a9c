/// Tasks as GitHub issue payloads (`{"title","body","labels"}`), ready for `gh issue create` or the REST API.
///
/// A blocked P0 task → `{"title": "Apply invoice numbering migration", "labels": ["insights", "P0", "blocked"], "body": "…"}`.
public enum GitHubIssues {
    public struct Record: Sendable, Codable, Hashable {
        public var title: String
        public var body: String
        public var labels: [String]
    }

    public static func records(_ tasks: [TrackedTask], _ context: TaskExportFormat.Context) -> [Record] {
        tasks.map { t in
            var labels = ["insights"]
            if let r = t.priorityRank { labels.append(Priority.label(rank: r)) }
            if t.status != .open { labels.append(t.status.rawValue) }
            if t.isReopened { labels.append("reopened") }
            var body = "Tracked by insights as `\(t.id)` · status **\(t.status.rawValue)**"
            body += " · first seen \(t.firstSeen) · last seen \(t.lastSeen)\n\n## History\n\n"
            for m in t.mentions {
                let place = context.link(m.session).map { "[\(m.session)](\($0)#L\(m.line))" } ?? "\(m.session) line \(m.line)"
                body += "- \(m.date) \(m.kind == .done ? "done" : "open")\(m.priority.map { " (\($0))" } ?? "") in \(place): \(m.text)\n"
            }
            if !t.dependsOn.isEmpty { body += "\n## Depends on\n\n" + t.dependsOn.map { "- `\($0)`\n" }.joined() }
            if let e = t.evidence, t.status == .done { body += "\n## Evidence\n\nResolved \(t.resolvedOn ?? e.date): \(e.text)\n" }
            return Record(title: t.title, body: body, labels: labels)
        }
    }
}
