/// The tracker's drafts, matched and ready to be made into tasks (`TaskTracker.track(_:)`): tasks are made a
/// run at a time, so a caller that writes them as they come never holds them all (at 50,000 generated notes,
/// 131,000 tasks with their mention histories were 100 MB at the peak of an ingest).
public struct TrackedDrafts: Sendable {
    let drafts: [TaskTracker.Draft]
    /// The sessions in the tracker's order, which the drafts' mentions point into, and their titles.
    let sessions: [IntakeSession]
    let text: TitleText
    let decisions: [TaskDecision]

    /// How many tasks there are before pinned merges.
    public var count: Int { drafts.count }

    /// Every task, by priority (none last), then first seen, then id.
    public func tasks() -> [TrackedTask] {
        var all: [TrackedTask] = []
        all.reserveCapacity(drafts.count)
        eachRun(of: drafts.count) { all += $0 }
        all.sort { ($0.priorityRank ?? 9, $0.firstSeen, $0.id) < ($1.priorityRank ?? 9, $1.firstSeen, $1.id) }
        return all
    }

    /// Every task, in runs of up to `size` given to `body` in the order the drafts were made. Each run's tasks
    /// are made on every core (`body` runs on this thread): made one after the other, they were most of the time
    /// an ingest of 50,000 notes spent writing tasks, with one core idle.
    public func eachRun(of size: Int, _ body: ([TrackedTask]) throws -> Void) rethrows {
        let plan = Plan(self)
        // A task waiting on an unfinished task is blocked: those waited on are made first, for their status.
        let waited = Parallel.tasks(plan.waitedOn, plan)
        let finished = Dictionary(waited.map { ($0.id, $0.status == .done) }, uniquingKeysWith: { a, _ in a })
        var kept: [Int] = []
        kept.reserveCapacity(min(size, drafts.count))
        func make() throws {
            var run = Parallel.tasks(kept, plan)
            kept.removeAll(keepingCapacity: true)
            for i in run.indices where run[i].status == .open && run[i].dependsOn.contains(where: { finished[$0] == false }) {
                run[i].status = .blocked
            }
            try body(run)
        }
        for d in drafts.indices where plan.isKept(d) {
            kept.append(d)
            if kept.count >= size { try make() }
        }
        if !kept.isEmpty { try make() }
    }
}

private extension Parallel {
    /// The tasks `plan` makes of these drafts, in their order, a few hundred per core at a time.
    static func tasks(_ drafts: [Int], _ plan: TrackedDrafts.Plan) -> [TrackedTask] {
        // Making a task throws nothing.
        (try? map(drafts, inRunsOf: 256) { run in run.map(plan.task) }) ?? []
    }
}

extension TrackedDrafts {
    /// Gives drafts their stable ids and applies pinned merges and status overrides; makes each task, with its
    /// status, priority, dates and evidence derived from its mentions.
    struct Plan: Sendable {
        let base: TrackedDrafts
        /// Each draft's stable id, from its first mention.
        var ids: [String] = []
        /// Per draft merged into another by a pinned decision: true (it is no task of its own).
        var isMerged: [Bool]
        /// Per draft that others were merged into: those drafts, in the order their mentions join.
        var absorbed: [Int: [Int]] = [:]
        /// Pinned merges: the id each merged id now goes by (chains are followed: A into B, B into C).
        var alias: [String: String] = [:]
        var overrides: [String: [TaskDecision]] = [:]
        /// Drafts some kept task depends on.
        var waitedOn: [Int] = []

        init(_ base: TrackedDrafts) {
            self.base = base
            isMerged = [Bool](repeating: false, count: base.drafts.count)
            // Each draft's id from its first mention, made on every core; a clash takes the next attempt, in draft order.
            let indices = Array(base.drafts.indices)
            let firsts: [(session: String, title: String, id: String)] = (try? Parallel.map(indices, inRunsOf: 1024) { run in
                run.map { d -> (session: String, title: String, id: String) in
                    let first = base.drafts[d].mentions[0].mention(in: base.sessions, text: base.text)
                    return (session: first.session, title: first.text, id: TaskID.make(session: first.session, title: first.text))
                }
            }) ?? []
            var taken = Set<String>(minimumCapacity: firsts.count)
            ids.reserveCapacity(base.drafts.count)
            for first in firsts {
                var attempt = 0
                var id = first.id
                while taken.contains(id) { attempt += 1; id = TaskID.make(session: first.session, title: first.title, attempt: attempt) }
                taken.insert(id); ids.append(id)
            }
            // Only the ids that decisions name are looked up by id.
            let named = Set(base.decisions.flatMap { [$0.task] + ($0.into.map { [$0] } ?? []) })
            var position: [String: Int] = [:]
            for (i, id) in ids.enumerated() where named.contains(id) { position[id] = i }
            for d in base.decisions where d.action == .merge {
                guard let target = d.into else { continue }
                let from = resolve(d.task), into = resolve(target)
                guard from != into, let a = position[from], let b = position[into], !isMerged[a], !isMerged[b] else { continue }
                absorbed[b, default: []] += [a] + (absorbed[a] ?? [])
                absorbed[a] = nil
                isMerged[a] = true
                alias[from] = into
            }
            for d in base.decisions where d.action == .close || d.action == .reopen { overrides[resolve(d.task), default: []].append(d) }
            var waited = Set<Int>()
            for i in base.drafts.indices where !isMerged[i] {
                for dep in base.drafts[i].dependsOn { waited.insert(kept(Int(dep))) }
                for member in absorbed[i] ?? [] {
                    for dep in base.drafts[member].dependsOn { waited.insert(kept(Int(dep))) }
                }
            }
            waitedOn = waited.sorted()
        }

        func resolve(_ id: String) -> String {
            var id = id
            var hops = 0
            while let next = alias[id], hops < 64 { id = next; hops += 1 }
            return id
        }

        func isKept(_ draft: Int) -> Bool { !isMerged[draft] }

        /// The draft whose task `draft` is part of: itself, or the one it was merged into.
        func kept(_ draft: Int) -> Int {
            guard isMerged[draft] else { return draft }
            return absorbed.first { $0.value.contains(draft) }?.key ?? draft
        }

        /// The draft and those merged into it, in the order their mentions join.
        func group(_ draft: Int) -> [Int] { [draft] + (absorbed[draft] ?? []) }

        /// The task draft `d` makes (with those merged into it), before dependencies can block it.
        func task(_ d: Int) -> TrackedTask {
            let members = group(d)
            let sessions = base.sessions
            let id = ids[d]
            var t = TrackedTask(id: id, title: "")
            t.mentions = Self.ordered(members.flatMap { base.drafts[$0].mentions }, in: sessions, text: base.text)
            var dependsOn = Set<String>()
            var tags = Set<String>()
            for m in members {
                for dep in base.drafts[m].dependsOn { dependsOn.insert(resolve(ids[Int(dep)])) }
                // Its tags: those of the sessions that list it as open.
                for ref in base.drafts[m].mentions where ref.source == .remaining { tags.formUnion(sessions[Int(ref.session)].tags) }
            }
            dependsOn.remove(id)
            t.dependsOn = dependsOn.sorted()
            t.tags = tags.sorted()
            Self.derive(&t, overrides: overrides[id] ?? [])
            return t
        }

        /// The mentions in order: by date, session, line, open before done.
        static func ordered(_ refs: [TaskTracker.MentionRef], in sessions: [IntakeSession], text: TitleText) -> [TaskMention] {
            refs.map { (ref: $0, mention: $0.mention(in: sessions, text: text)) }
                .sorted { a, b in
                    (a.mention.date, a.ref.session, a.mention.line, a.mention.kind == .open ? 0 : 1)
                        < (b.mention.date, b.ref.session, b.mention.line, b.mention.kind == .open ? 0 : 1)
                }
                .map(\.mention)
        }

        /// Status, title, priority, dates and evidence from the mentions in order, then pinned close/reopen.
        static func derive(_ t: inout TrackedTask, overrides: [TaskDecision]) {
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
}
