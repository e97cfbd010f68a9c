extension TaskTracker {
    /// Gives drafts their stable ids, applies pinned merges and status overrides, and derives each task's
    /// status, priority, dates and evidence.
    func build(_ drafts: [Draft], sessions: [TaskInput]) -> [TrackedTask] {
        let order = Dictionary(sessions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        func key(_ m: TaskMention) -> (String, Int, Int, Int) {
            (m.date, order[m.session] ?? Int.max, m.line, m.kind == .open ? 0 : 1)
        }
        /// A task's mentions in order: by date, session, line, open before done.
        func mentions(_ refs: [MentionRef]) -> [TaskMention] {
            refs.map { $0.mention(in: sessions) }.sorted { key($0) < key($1) }
        }

        // Stable ids from each task's first mention.
        var ids: [String] = []
        var taken = Set<String>()
        for d in drafts {
            let first = d.mentions[0].mention(in: sessions)
            var attempt = 0
            var id = TaskID.make(session: first.session, title: first.text)
            while taken.contains(id) { attempt += 1; id = TaskID.make(session: first.session, title: first.text, attempt: attempt) }
            taken.insert(id); ids.append(id)
        }

        struct Group { var mentions: [MentionRef]; var dependsOn: Set<String>; var tags: Set<String> }
        var groups: [String: Group] = [:]
        for (i, d) in drafts.enumerated() {
            // Its tags: those of the sessions that list it as open.
            var tags = Set<String>()
            for m in d.mentions where m.source == .remaining { tags.formUnion(sessions[Int(m.session)].tags) }
            groups[ids[i]] = Group(mentions: d.mentions, dependsOn: Set(d.dependsOn.map { ids[Int($0)] }), tags: tags)
        }

        // Pinned merges, in the order they were decided; `alias` follows chains (A into B, B into C).
        var alias: [String: String] = [:]
        func resolve(_ id: String) -> String {
            var id = id
            var hops = 0
            while let next = alias[id], hops < 64 { id = next; hops += 1 }
            return id
        }
        for d in decisions where d.action == .merge {
            guard let target = d.into else { continue }
            let from = resolve(d.task), into = resolve(target)
            guard from != into, let a = groups[from], groups[into] != nil else { continue }
            groups[into]?.mentions += a.mentions
            groups[into]?.dependsOn.formUnion(a.dependsOn)
            groups[into]?.tags.formUnion(a.tags)
            groups[from] = nil
            alias[from] = into
        }

        var overrides: [String: [TaskDecision]] = [:]
        for d in decisions where d.action == .close || d.action == .reopen { overrides[resolve(d.task), default: []].append(d) }

        var tasks: [TrackedTask] = groups.map { id, g in
            var t = TrackedTask(id: id, title: "")
            t.mentions = mentions(g.mentions)
            t.dependsOn = Set(g.dependsOn.map(resolve)).subtracting([id]).sorted()
            t.tags = g.tags.sorted()
            derive(&t, overrides: overrides[id] ?? [])
            return t
        }

        // A task waiting on an unfinished task is blocked.
        let status = Dictionary(tasks.map { ($0.id, $0.status) }, uniquingKeysWith: { a, _ in a })
        for i in tasks.indices where tasks[i].status == .open {
            if tasks[i].dependsOn.contains(where: { status[$0] != nil && status[$0] != .done }) { tasks[i].status = .blocked }
        }
        return tasks.sorted { ($0.priorityRank ?? 9, $0.firstSeen, $0.id) < ($1.priorityRank ?? 9, $1.firstSeen, $1.id) }
    }

    /// Status, title, priority, dates and evidence from the mentions in order, then pinned close/reopen.
    private func derive(_ t: inout TrackedTask, overrides: [TaskDecision]) {
        let opens = t.mentions.filter { $0.kind == .open }
        t.title = opens.last?.text ?? t.mentions.last?.text ?? ""
        if let p = t.mentions.last(where: { $0.priority != nil }) { t.priority = p.priority; t.priorityRank = p.priorityRank }
        t.firstSeen = t.mentions.first?.date ?? ""
        t.lastSeen = t.mentions.last?.date ?? ""

        // Walk the history: the first done mention after an open stretch closes it; an open one after reopens.
        var isDone = false
        var closing: TaskMention?
        var events: [(date: String, rank: Int, mention: TaskMention?, isDone: Bool)] =
            t.mentions.map { ($0.date, 0, $0, $0.kind == .done) }
        events += overrides.map { ($0.date, 1, nil, $0.action == .close) }
        events.sort { ($0.date, $0.rank) < ($1.date, $1.rank) }
        for e in events {
            if e.isDone {
                if !isDone {
                    closing = e.mention ?? TaskMention(session: "", date: e.date, line: 0,
                                                       text: "closed by hand (insights task --close)", kind: .done)
                }
                isDone = true
            } else {
                if isDone && e.mention != nil { t.isReopened = true }
                if isDone { closing = nil }
                isDone = false
            }
        }
        t.status = isDone ? .done : .open
        if isDone, let closing {
            t.evidence = closing
            t.resolvedIn = closing.session.isEmpty ? nil : closing.session
            t.resolvedOn = closing.date
        }
    }
}
