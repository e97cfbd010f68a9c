import InsightsCore

/// Builds the tasks board (open / blocked / done by priority, with history) and the failures map.
struct TrackingPages {
    let plan: SitePlan

    /// A task's history and a cluster's occurrences list at most this many entries on the board and the map:
    /// the first, then the latest. At 10,000 generated notes a task mentioned 2,600 times made the board 24 MB;
    /// the whole history stays in `insights task ID` and `--json`.
    static let historyLimit = 50

    /// The first of `items` and the latest `limit - 1`, and how many were left out between them.
    static func shortened<T>(_ items: [T], limit: Int = historyLimit) -> (shown: [T], omitted: Int) {
        guard items.count > limit, limit >= 2 else { return (items, 0) }
        return ([items[0]] + items.suffix(limit - 1), items.count - limit)
    }

    /// Open and blocked tasks as cards by priority, each with its history; done tasks one line each, newest
    /// first (at 50,000 generated notes, 74,000 done tasks in cards made the board 149 MB). Cards and rows are
    /// made as the page reaches them, from positions in `plan.tasks` (the cards made at once, and copies of the
    /// tasks, were 21 MB of that build's peak).
    func board() -> TaskBoardView {
        // Positions in `plan.tasks`, not copies of the tasks (copies of 100,000 tasks were 20 MB more).
        let tasks = plan.tasks
        func positions(_ status: TrackedTask.Status) -> [Int32] {
            tasks.indices.compactMap { tasks[$0].status == status ? Int32($0) : nil }
        }
        let done = positions(.done).sorted { a, b in
            let x = tasks[Int(a)], y = tasks[Int(b)]
            return (x.resolvedOn ?? x.lastSeen, x.id) > (y.resolvedOn ?? y.lastSeen, y.id)
        }
        let columns: [(TrackedTask.Status, String)] = [(.open, "Open"), (.blocked, "Blocked")]
        let shown = columns.map { status, label in (status, label, positions(status)) }
        return TaskBoardView(
            openCount: shown[0].2.count,
            blockedCount: shown[1].2.count,
            doneCount: done.count,
            columns: shown.map { status, label, all in
                let ranks = Array(Set(all.map { tasks[Int($0)].priorityRank ?? 9 })).sorted()
                return TaskBoardView.Column(key: status.rawValue, label: label, count: all.count, groups: ranks.map { rank in
                    let ranked = all.filter { (tasks[Int($0)].priorityRank ?? 9) == rank }
                    return TaskBoardView.Group(label: rank == 9 ? "No priority" : Priority.label(rank: rank),
                                               tasks: LazyRows(count: ranked.count) { [self] i in card(tasks[Int(ranked[i])]) })
                }, done: LazyRows([]), hasDone: false)
            } + [TaskBoardView.Column(key: "done", label: "Done", count: done.count, groups: [],
                                      done: LazyRows(count: done.count) { [self] i in row(Int(done[i])) },
                                      hasDone: !done.isEmpty)])
    }

    /// The board's line for done task `i` of `plan.tasks` (whose mentions are gone: see `SitePlan.mentionCounts`).
    private func row(_ i: Int) -> TaskBoardView.DoneRow {
        let t = plan.tasks[i], count = plan.mentionCounts[i]
        let closing = t.evidence
        return TaskBoardView.DoneRow(
            anchor: SitePlan.taskAnchor(t.id), id: t.id, title: t.title, date: t.resolvedOn,
            href: closing.flatMap { plan.href(session: $0.session, line: $0.line, root: "") },
            sessionTitle: closing.map { plan.title(of: $0.session) ?? $0.session },
            mentions: count == 1 ? "1 mention" : "\(count) mentions",
            isReopened: t.isReopened)
    }

    private func card(_ t: TrackedTask) -> TaskBoardView.Card {
        var mentions = t.mentions.sorted { ($0.date, $0.session, $0.line) < ($1.date, $1.session, $1.line) }
        if let e = t.evidence, !mentions.contains(e) { mentions.append(e) }
        let deps = t.dependsOn.map { LinkView(href: "#" + SitePlan.taskAnchor($0), label: $0) }
        let (shown, omitted) = Self.shortened(mentions)
        return TaskBoardView.Card(
            anchor: SitePlan.taskAnchor(t.id), id: t.id, title: t.title, priority: t.priority, rank: t.priorityRank ?? 9,
            span: t.firstSeen.isEmpty ? nil : t.firstSeen + " → " + t.lastSeen, isReopened: t.isReopened, resolvedOn: t.resolvedOn,
            dependsOn: deps, hasDepends: !deps.isEmpty,
            mentions: shown.map { m in
                TaskBoardView.Mention(date: m.date, href: plan.href(session: m.session, line: m.line, root: "") ?? "index.html",
                                      sessionTitle: plan.title(of: m.session) ?? m.session, kind: m.kind.rawValue,
                                      priority: m.priority, text: HTMLText.excerpt(HTMLText.plain(m.text), limit: 200))
            },
            mentionCount: mentions.count, omitted: omitted, hasOmitted: omitted > 0)
    }

    /// The failure map: clusters seen in two sessions or more, then one line for each failure seen in one (at
    /// 10,000 generated notes, 17,000 of them, 16 MB in full). Both are made as the page reaches them, from
    /// positions in `plan.failures` (made at once, the clusters' views and strips were 20 MB of a build's peak at
    /// 50,000 notes).
    func map() -> FailureMapView {
        let dates = plan.summaries.map(\.date).filter { ActivityChart.DateParts($0) != nil }.sorted()
        let range = (dates.first, dates.last)
        let failures = plan.failures
        let clusters = failures.indices.filter { failures[$0].sessions >= 2 }.map(Int32.init)
        let singles = failures.indices.filter { failures[$0].sessions < 2 }.map(Int32.init)
        return FailureMapView(
            count: clusters.count,
            recurredCount: clusters.count { failures[Int($0)].status == .recurredAfterFix },
            clusters: LazyRows(count: clusters.count) { [self] i in cluster(failures[Int(clusters[i])], range: range) },
            singles: LazyRows(count: singles.count) { [self] i in single(failures[Int(singles[i])]) },
            singleCount: singles.count, hasSingles: !singles.isEmpty)
    }

    private func single(_ f: FailureCluster) -> FailureMapView.Single {
        let first = f.occurrences.min { ($0.date, $0.session, $0.line) < ($1.date, $1.session, $1.line) }
        return FailureMapView.Single(
            anchor: SitePlan.failureAnchor(f.id), id: f.id, title: f.title, date: first?.date ?? f.firstSeen,
            href: first.flatMap { plan.href(session: $0.session, line: $0.line, root: "") } ?? "index.html",
            sessionTitle: first.map { plan.title(of: $0.session) ?? $0.session } ?? "",
            statusLabel: FailureLabels.status(f.status))
    }

    /// A cluster's card; `range` is the journal's first and last date, for its strip.
    private func cluster(_ f: FailureCluster, range: (String?, String?)) -> FailureMapView.Cluster {
        let firstFix = f.fixes.map(\.date).min()
        let occurrences = f.occurrences.sorted { ($0.date, $0.session, $0.line) < ($1.date, $1.session, $1.line) }
        let (shown, omitted) = Self.shortened(occurrences)
        return FailureMapView.Cluster(
            anchor: SitePlan.failureAnchor(f.id), id: f.id, title: f.title, sessions: f.sessions,
            firstSeen: f.firstSeen, lastSeen: f.lastSeen, status: f.status.rawValue,
            statusLabel: FailureLabels.status(f.status), isRecurredAfterFix: f.status == .recurredAfterFix,
            strip: OccurrenceStrip.svg(dates: occurrences.map(\.date), fixDate: firstFix, range: range),
            terms: f.terms.joined(separator: ", "), hasTerms: !f.terms.isEmpty,
            occurrences: shown.map { o in
                FailureMapView.Occurrence(date: o.date, href: plan.href(session: o.session, line: o.line, root: "") ?? "index.html",
                                          title: HTMLText.plain(o.title), kind: o.kind,
                                          sessionTitle: plan.title(of: o.session) ?? o.session,
                                          isAfterFix: firstFix.map { o.date > $0 } ?? false)
            },
            fixes: f.fixes.map { x in
                FailureMapView.Fix(date: x.date, href: plan.href(session: x.session, line: x.line, root: "") ?? "index.html",
                                   text: HTMLText.excerpt(HTMLText.plain(x.text), limit: 200))
            },
            hasFixes: !f.fixes.isEmpty, omitted: omitted, hasOmitted: omitted > 0)
    }
}

/// A one-line SVG of a cluster's occurrences over the journal's time span; occurrences after a fix in red.
enum OccurrenceStrip {
    static func svg(dates: [String], fixDate: String?, range: (String?, String?)) -> String {
        guard let lo = range.0.flatMap(ActivityChart.DateParts.init)?.dayNumber,
              let hi = range.1.flatMap(ActivityChart.DateParts.init)?.dayNumber else { return "" }
        let span = Double(max(1, hi - lo))
        var out = "<svg class=\"strip\" viewBox=\"0 0 600 24\" role=\"img\" aria-label=\"\(dates.count) occurrences over time\"><line x1=\"4\" y1=\"12\" x2=\"596\" y2=\"12\"/>"
        for d in dates {
            guard let day = ActivityChart.DateParts(d)?.dayNumber else { continue }
            let x = 6 + 588 * Double(day - lo) / span
            let after = fixDate.map { d > $0 } ?? false
            out += "<circle cx=\"\(Int(x.rounded()))\" cy=\"12\" r=\"6\"\(after ? " class=\"after\"" : "")><title>\(ActivityChart.DateParts(d)?.text ?? "")</title></circle>"
        }
        return out + "</svg>"
    }
}
