import InsightsCore

/// Builds the views of the pages that list every session: home, all sessions, findings, friction, tags.
struct IndexPages {
    let plan: SitePlan
    let options: SiteOptions

    func row(_ s: SessionSummary, root: String) -> SessionRowView {
        SessionRowView(href: root + s.path, title: s.title, date: s.date,
                       findings: Int(s.counts.findings), friction: Int(s.counts.friction), completed: Int(s.counts.completed),
                       remaining: Int(s.counts.remaining),
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
        let sessions = plan.summaries
        return HomeView(
            root: "", siteTitle: options.title, sessionCount: sessions.count,
            findingCount: plan.findingCount,
            openTaskCount: plan.tasks.filter { $0.status != .done }.count, recurringCount: recurring.count,
            chart: ActivityChart.svg(dates: sessions.map(\.date)),
            urgent: urgent, hasUrgent: !urgent.isEmpty, failures: Array(top), hasFailures: !top.isEmpty,
            sessions: sessions.prefix(max(1, options.homeSessions)).map { row($0, root: "") },
            hasMore: sessions.count > options.homeSessions)
    }

    func allSessions() -> TimelineView {
        TimelineView(root: "", sessionCount: plan.summaries.count, sessions: plan.summaries.map { row($0, root: "") })
    }

    func tag(_ name: String) -> TimelineView {
        let ids = plan.tagSessions[name] ?? []
        let sessions = ids.compactMap(plan.summary)
        return TimelineView(root: "../", name: name, count: sessions.count, sessionCount: sessions.count,
                            sessions: sessions.map { row($0, root: "../") })
    }

    func tags() -> TagsView {
        let tags = plan.tagPath.keys.sorted().map { TagView(name: $0, href: plan.tagPath[$0] ?? "tags.html", count: plan.tagSessions[$0]?.count ?? 0) }
        return TagsView(tags: tags, hasTags: !tags.isEmpty)
    }

    /// Every finding, newest session first, each row made as the page reaches it (see `rows`).
    func findings(_ cursor: NoteCursor) -> FindingsView {
        let findings = rows(\.findings, total: plan.findingCount, cursor: cursor, empty: FindingsView.Row.empty) { s, summary, i in
            guard i < s.findings.count else { return nil }
            let f = s.findings[i]
            let (rank, group) = Self.severityGroup(f)
            return FindingsView.Row(href: summary.path + "#finding-\(i + 1)", title: HTMLText.plain(f.title),
                                    category: f.category, severity: f.severity, severityRank: rank ?? 9, severityGroup: group,
                                    date: s.date, sessionTitle: s.title,
                                    summary: f.text.isEmpty ? nil : HTMLText.excerpt(HTMLText.plain(f.text), limit: 160))
        }
        return FindingsView(count: findings.count, sessionCount: plan.summaries.count, categories: plan.findingCategories.sorted(),
                            severities: plan.findingSeverities.sorted(), findings: findings)
    }

    /// A finding's severity as a rank (P0 = 0 ... 3) and the group the page filters by: its label, `none`, or `other`.
    static func severityGroup(_ f: Finding) -> (rank: Int?, group: String) {
        let rank = f.severity.flatMap { Priority.rank($0, .default) }
        return (rank, rank.map(Priority.label) ?? (f.severity == nil ? "none" : "other"))
    }

    /// Every friction row, newest session first, each made as the page reaches it (see `rows`).
    func friction(_ cursor: NoteCursor) -> FrictionView {
        let friction = rows(\.friction, total: plan.frictionCount, cursor: cursor, empty: FrictionView.Row.empty) { s, summary, i in
            guard i < s.friction.count else { return nil }
            let f = s.friction[i]
            return FrictionView.Row(href: summary.path + "#friction-\(i + 1)", problem: HTMLText.plain(f.problem),
                                    response: HTMLText.plain(f.response), correction: HTMLText.plain(f.correction), date: s.date)
        }
        return FrictionView(count: friction.count, rows: friction, hasRows: friction.count > 0)
    }

    /// A row for each item of one kind (`count` of them in each session), newest session first, made by `make`
    /// only as the page reaches it (see `LazyRows`), from its session read back a batch at a time through
    /// `cursor` (`check` it after the page; a session it could not read gives `empty`).
    private func rows<Row: Encodable & Sendable>(_ count: KeyPath<SessionSummary.Counts, Int32>, total: Int, cursor: NoteCursor,
                                                 empty: Row,
                                                 _ make: @escaping @Sendable (Session, SessionSummary, Int) -> Row?) -> LazyRows<Row> {
        var at: [(note: Int32, item: Int32)] = []
        at.reserveCapacity(total)
        for (n, s) in plan.summaries.enumerated() {
            for i in 0..<s.counts[keyPath: count] { at.append((Int32(n), i)) }
        }
        let plan = plan
        return LazyRows(count: at.count) { [at] k -> Row in
            let n = Int(at[k].note)
            guard let s = cursor.note(n)?.session else { return empty }
            return make(s, plan.summaries[n], Int(at[k].item)) ?? empty
        }
    }
}
