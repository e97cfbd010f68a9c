import InsightsCore

/// Builds the views of the pages that list every session: home, all sessions, findings, friction, tags.
struct IndexPages {
    let plan: SitePlan
    let options: SiteOptions

    func row(_ s: Session, root: String) -> SessionRowView {
        SessionRowView(href: root + (plan.sessionPath[s.id] ?? "index.html"), title: s.title, date: s.date,
                       findings: s.findings.count, friction: s.friction.count, completed: s.completed.count,
                       remaining: s.remaining.count,
                       tags: s.tags.map { TagView(name: $0, href: root + (plan.tagPath[$0] ?? "tags.html")) })
    }

    func home() -> HomeView {
        let urgent = plan.tasks.filter { $0.status != .done && ($0.priorityRank ?? 9) <= 1 }.map { t in
            HomeView.TaskRow(href: "tasks.html#" + SitePlan.taskAnchor(t.id), title: t.title,
                             priority: t.priority ?? Priority.label(rank: t.priorityRank ?? 1),
                             rank: t.priorityRank ?? 9, status: t.status.rawValue, lastSeen: t.lastSeen)
        }
        let recurring = plan.failures.filter { $0.sessions >= 2 && $0.status != .fixed && $0.status != .single }
        let top = recurring.prefix(8).map { f in
            HomeView.FailureRow(href: "failures.html#" + SitePlan.failureAnchor(f.id), title: f.title, sessions: f.sessions,
                                statusLabel: FailureLabels.status(f.status), isRecurredAfterFix: f.status == .recurredAfterFix)
        }
        let sessions = plan.notes.map(\.session)
        return HomeView(
            root: "", siteTitle: options.title, sessionCount: sessions.count,
            findingCount: sessions.reduce(0) { $0 + $1.findings.count },
            openTaskCount: plan.tasks.filter { $0.status != .done }.count, recurringCount: recurring.count,
            chart: ActivityChart.svg(dates: sessions.map(\.date)),
            urgent: urgent, hasUrgent: !urgent.isEmpty, failures: Array(top), hasFailures: !top.isEmpty,
            sessions: sessions.prefix(max(1, options.homeSessions)).map { row($0, root: "") },
            hasMore: sessions.count > options.homeSessions)
    }

    func allSessions() -> TimelineView {
        TimelineView(root: "", sessionCount: plan.notes.count, sessions: plan.notes.map { row($0.session, root: "") })
    }

    func tag(_ name: String) -> TimelineView {
        let ids = plan.tagSessions[name] ?? []
        let notes = plan.notes.filter { ids.contains($0.session.id) }
        return TimelineView(root: "../", name: name, count: notes.count, sessionCount: notes.count,
                            sessions: notes.map { row($0.session, root: "../") })
    }

    func tags() -> TagsView {
        let tags = plan.tagPath.keys.sorted().map { TagView(name: $0, href: plan.tagPath[$0] ?? "tags.html", count: plan.tagSessions[$0]?.count ?? 0) }
        return TagsView(tags: tags, hasTags: !tags.isEmpty)
    }

    /// Every finding, newest session first; each row is made as the page reaches it (see `LazyRows`).
    func findings() -> FindingsView {
        var at: [(note: Int32, finding: Int32)] = []
        var categories: Set<String> = [], severities: Set<String> = []
        for (n, note) in plan.notes.enumerated() {
            for (i, f) in note.session.findings.enumerated() {
                categories.insert(f.category); severities.insert(Self.severityGroup(f).group)
                at.append((Int32(n), Int32(i)))
            }
        }
        let plan = plan
        let rows = LazyRows(count: at.count) { [at] k -> FindingsView.Row in
            let s = plan.notes[Int(at[k].note)].session, i = Int(at[k].finding), f = s.findings[i]
            let (rank, group) = Self.severityGroup(f)
            return FindingsView.Row(href: (plan.sessionPath[s.id] ?? "") + "#finding-\(i + 1)", title: HTMLText.plain(f.title),
                                    category: f.category, severity: f.severity, severityRank: rank ?? 9, severityGroup: group,
                                    date: s.date, sessionTitle: s.title,
                                    summary: f.text.isEmpty ? nil : HTMLText.excerpt(HTMLText.plain(f.text), limit: 160))
        }
        return FindingsView(count: at.count, sessionCount: plan.notes.count, categories: categories.sorted(),
                            severities: severities.sorted(), findings: rows)
    }

    /// A finding's severity as a rank (P0 = 0 ... 3) and the group the page filters by: its label, `none`, or `other`.
    static func severityGroup(_ f: Finding) -> (rank: Int?, group: String) {
        let rank = f.severity.flatMap { Priority.rank($0, .default) }
        return (rank, rank.map(Priority.label) ?? (f.severity == nil ? "none" : "other"))
    }

    func friction() -> FrictionView {
        var rows: [FrictionView.Row] = []
        for note in plan.notes {
            let s = note.session
            for (i, f) in s.friction.enumerated() {
                rows.append(.init(href: (plan.sessionPath[s.id] ?? "") + "#friction-\(i + 1)", problem: HTMLText.plain(f.problem),
                                  response: HTMLText.plain(f.response), correction: HTMLText.plain(f.correction), date: s.date))
            }
        }
        return FrictionView(count: rows.count, rows: rows, hasRows: !rows.isEmpty)
    }
}
