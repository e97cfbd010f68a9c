/// Tasks as a Markdown checklist grouped by priority, each with links back to the sessions that mention it.
///
/// `## P0` / `- [ ] Repair migration history (T-1a2b3c) — [2026-09-03-session-insights](2026-09-03-session-insights.md#L126)`.
public enum TaskMarkdown {
    public static func render(_ tasks: [TrackedTask], _ context: TaskExportFormat.Context) -> String {
        var out = "# Tasks\n"
        var groups: [(String, [TrackedTask])] = []
        for t in tasks {
            let name = t.priorityRank.map { Priority.label(rank: $0) } ?? "No priority"
            if let i = groups.firstIndex(where: { $0.0 == name }) { groups[i].1.append(t) } else { groups.append((name, [t])) }
        }
        groups.sort { ($0.0 == "No priority" ? "P9" : $0.0) < ($1.0 == "No priority" ? "P9" : $1.0) }
        for (name, list) in groups {
            out += "\n## \(name)\n\n"
            for t in list {
                let box = t.status == .done ? "[x]" : "[ ]"
                let state = t.status == .blocked ? " **blocked** by \(t.dependsOn.joined(separator: ", "))" : ""
                var seen: [String] = []
                var links: [String] = []
                for m in t.mentions where !seen.contains(m.session) && !m.session.isEmpty {
                    seen.append(m.session)
                    links.append(context.link(m.session).map { "[\(escape(m.session))](\($0)#L\(m.line))" } ?? escape(m.session))
                }
                out += "- \(box) \(escape(t.title)) (`\(t.id)`)\(state) — \(links.joined(separator: ", "))\n"
            }
        }
        return out
    }

    /// Escapes characters that would turn a title into links or emphasis.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.replacingOccurrences(of: "\n", with: " ") {
            if "\\`*_[]<>|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
