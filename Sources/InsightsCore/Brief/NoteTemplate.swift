/// Fills a note template's placeholders: `{{title}}`, `{{date}}`, `{{open_tasks}}` (the brief's open and
/// reopened tasks as `- [ ]` items) and `{{watch_out_for}}` (its warnings and failures with their last fix).
///
/// `NoteTemplate.render("# {{title}}\n{{open_tasks}}", title: "Billing migration", date: "2026-11-25", brief: b)`
/// → `"# Billing migration\n- [ ] Webhook retries still lost on restart (P0)\n..."`. Unknown placeholders stay.
public enum NoteTemplate {
    /// The template with every known placeholder replaced.
    public static func render(_ template: String, title: String, date: String, brief: Brief) -> String {
        let values = ["title": title, "date": date, "open_tasks": openTasks(brief), "watch_out_for": watchOutFor(brief)]
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { rest = rest[open.lowerBound...]; break }
            let key = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            out += values[key] ?? String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// `- [ ] Title (P1)` per open P0/P1 task, then reopened ones, then those the last session left open; a
    /// comment saying there are none otherwise.
    public static func openTasks(_ brief: Brief) -> String {
        let lines = (brief.openTasks + brief.reopened + brief.leftOpen).map { t in
            "- [ ] " + oneLine(t.title) + (t.priority.map { " (\($0))" } ?? "")
        }
        return lines.isEmpty ? "<!-- No open tasks in the journal. -->" : lines.joined(separator: "\n")
    }

    /// `- **Title** (recurred after fix, 3 sessions): last fix (2026-09-03): ...` per failure, warnings first.
    public static func watchOutFor(_ brief: Brief) -> String {
        let lines = (brief.warnings + brief.watchOutFor).map { f in
            var line = "- **\(oneLine(f.title))** (\(label(f)))"
            if let fix = f.fix {
                line += ": last fix (\(fix.date)): \(clip(oneLine(fix.text)))"
            } else if let lesson = f.lesson {
                line += ": lesson (\(lesson.date)): \(clip(oneLine(lesson.text)))"
            }
            return line
        }
        return lines.isEmpty ? "<!-- No recurring failures in the journal. -->" : lines.joined(separator: "\n")
    }

    /// `recurred after fix, 3 sessions`, `recurring, 2 sessions`, `fixed, 3 sessions` or `once, in SESSION`.
    public static func label(_ f: Brief.FailureLine) -> String {
        let sessions = f.sessions == 1 ? "1 session" : "\(f.sessions) sessions"
        switch f.status {
        case .recurredAfterFix: return "recurred after fix, \(sessions)"
        case .recurring: return "recurring, \(sessions)"
        case .fixed: return f.sessions == 1 ? "fixed" : "fixed, \(sessions)"
        case .single: return "once, in \(f.session)"
        }
    }

    /// At most `limit` characters, cut with "…" (fixes often quote whole code blocks).
    public static func clip(_ text: String, _ limit: Int = 300) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    /// Text on one line, so a title with a line break cannot end the list item.
    public static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
