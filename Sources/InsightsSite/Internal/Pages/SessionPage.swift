import InsightsCore
import InsightsMarkdown

/// Builds the view of one session's page (`sessions/ID.html`).
struct SessionPage {
    let plan: SitePlan
    let options: SiteOptions
    let root = "../"

    func view(_ note: SiteNote) -> SessionView {
        let s = note.session
        var v = SessionView(
            id: s.id, title: s.title, date: s.date,
            tags: s.tags.map { TagView(name: $0, href: root + (plan.tagPath[$0] ?? "tags.html")) },
            fields: s.fields.keys.sorted().map { SessionView.Field(label: $0, value: HTMLText.plain(s.fields[$0] ?? "")) },
            findings: s.findings.enumerated().map { i, f in finding(f, i, s.id) },
            friction: s.friction.enumerated().map { i, f in
                SessionView.FrictionItem(anchor: "friction-\(i + 1)", number: i + 1, problem: HTMLText.plain(f.problem),
                                         response: HTMLText.plain(f.response), correction: HTMLText.plain(f.correction),
                                         failure: failureLink(s.id, f.line))
            },
            completed: s.completed.enumerated().map { i, c in
                SessionView.CompletedItem(anchor: "completed-\(i + 1)", title: HTMLText.plain(c.title), status: c.status,
                                          note: c.note.isEmpty ? nil : HTMLText.plain(c.note), task: taskLink(s.id, c.line))
            },
            remaining: s.remaining.enumerated().map { i, r in
                let deps = r.dependsOn.map { "#\($0)" } + r.dependsOnText
                return SessionView.RemainingItem(
                    anchor: "remaining-\(i + 1)", number: r.number, title: HTMLText.plain(r.title),
                    detail: r.detail.isEmpty ? nil : HTMLText.excerpt(HTMLText.plain(r.detail), limit: 400),
                    priority: r.priority, rank: r.priorityRank ?? 9,
                    dependsOn: deps.isEmpty ? nil : deps.joined(separator: ", "), task: taskLink(s.id, r.line))
            },
            updates: s.updates.enumerated().map { i, u in
                SessionView.UpdateItem(anchor: "update-\(i + 1)", title: HTMLText.plain(u.title), status: u.status,
                                       resolves: u.resolves.map(HTMLText.plain), hasResolves: !u.resolves.isEmpty)
            },
            takeaways: s.takeaways.enumerated().map { i, t in
                SessionView.TakeawayItem(anchor: "takeaway-\(i + 1)", title: HTMLText.plain(t.title),
                                         text: HTMLText.excerpt(HTMLText.plain(t.text), limit: 400))
            },
            noteHTML: noteHTML(note.markdown))
        v.countItems()
        return v
    }

    /// The note rendered by cmark-gfm, with heading anchors and links that stay inside the site.
    private func noteHTML(_ markdown: String) -> String {
        var ids: Set<String> = []
        // Front matter is metadata, shown in the header: render the body only.
        let body = NoteText(markdown).markdown
        let html = HTMLText.withHeadingAnchors(MarkdownRenderer.html(body, allowUnsafeHTML: options.allowUnsafeHTML), ids: &ids)
        return NoteLinks(notePages: plan.notePages, headingIDs: ids).rewrite(html)
    }

    private func fieldHTML(_ markdown: String) -> String {
        NoteLinks(notePages: plan.notePages, headingIDs: []).rewrite(MarkdownRenderer.html(markdown, allowUnsafeHTML: options.allowUnsafeHTML))
    }

    private func finding(_ f: Finding, _ i: Int, _ session: String) -> SessionView.FindingItem {
        // Fields in the order the note wrote them.
        // Each label's place found once, not twice per comparison, on the bytes (Foundation's `range(of:)` was
        // 18,000 instructions a label, 1% of a full build).
        let places = f.fields.keys.map { label in
            (label, Substring(f.text).byteRange(of: label).map { f.text.utf8.distance(from: f.text.startIndex, to: $0.lowerBound) } ?? Int.max)
        }
        let labels = places.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
        return SessionView.FindingItem(
            anchor: "finding-\(i + 1)", number: i + 1, title: HTMLText.plain(f.title), category: f.category,
            severity: f.severity, severityRank: f.severity.flatMap { Priority.rank($0, .default) } ?? 9,
            fields: labels.map { SessionView.FieldHTML(label: $0, html: fieldHTML(f.fields[$0] ?? "")) },
            failure: failureLink(session, f.line))
    }


    private func taskLink(_ session: String, _ line: Int) -> LinkView? {
        guard let t = plan.task(at: session, line) else { return nil }
        return LinkView(href: root + "tasks.html#" + SitePlan.taskAnchor(t.id), label: "\(t.id) · \(t.status.rawValue)")
    }

    private func failureLink(_ session: String, _ line: Int) -> LinkView? {
        guard let f = plan.failure(at: session, line) else { return nil }
        return LinkView(href: root + "failures.html#" + SitePlan.failureAnchor(f.id),
                        label: "\(f.id) · \(f.sessions) sessions · \(FailureLabels.status(f.status))")
    }
}

/// Human words for cluster statuses.
enum FailureLabels {
    static func status(_ s: FailureCluster.Status) -> String {
        switch s {
        case .recurring: return "recurring"
        case .recurredAfterFix: return "recurred after fix"
        case .fixed: return "fixed"
        case .single: return "seen once"
        }
    }
}
