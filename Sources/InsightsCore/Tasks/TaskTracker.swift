/// Turns every session's remaining and completed work into tracked tasks that live across sessions.
///
/// Sessions are read oldest first. Each remaining item is an open mention; each completed item and each
/// item an `Update` resolves is a done mention. A mention joins the earlier task it is most similar to
/// (`TaskSimilarity`, score ≥ `threshold`, compared with the task's latest open mentions: done evidence such as
/// a created file's path names what was delivered, not the task, so it never attracts later items), and otherwise an open
/// mention starts a new task (an unmatched done mention is ignored: done work that was never planned is not a
/// task). Within one note, assignment is greedy by score and a task takes at most one open and one done
/// mention, so two different items of the same note never merge; a completed row never closes an item of its
/// own note (only that note's Update does).
///
/// `TaskTracker().tasks(from: [referenceNote])` → 12 tasks, "Fix migration tracking" done by the note's update.
public struct TaskTracker: Sendable {
    public var threshold: Double
    public var decisions: [TaskDecision]
    /// Candidates are found among the `postingScan` most recent tasks using each word of a mention.
    public var postingScan = 128
    /// Of those sharing two words, only the `maxCandidates` sharing the most IDF weight are scored.
    public var maxCandidates = 16

    /// A tracker with `threshold` (default `TaskSimilarity.defaultThreshold`) and the journal's pinned decisions.
    public init(threshold: Double? = nil, decisions: [TaskDecision] = []) {
        self.threshold = threshold ?? TaskSimilarity.defaultThreshold
        self.decisions = decisions
    }

    /// A later mention is scored against this many of a task's most recent open mentions.
    static let shapesCompared = 8

    /// One task being assembled: its mentions are where they were read, and later mentions are matched against
    /// the shapes of its latest `shapesCompared` open ones, looked up in the tracker's shape store (at 50,000
    /// notes, 130,000 tasks holding their own shapes and tag sets were 57 MB).
    struct Draft {
        /// Where its mentions were read; they become `TaskMention`s only in the tasks made (`build`).
        var mentions: [MentionRef] = []
        /// Draft indices this one depends on.
        var dependsOn: [Int32] = []
        /// The last session (in the tracker's order) with an open mention of it.
        var lastOpenSession: Int32 = -1
    }

    /// A mention as the place it was read from, in 16 bytes: a `TaskMention` is 96, and at 50,000 notes the
    /// drafts held 430,000 of them beside the tasks' own copies.
    struct MentionRef {
        enum Source: UInt8 { case remaining, completed, update }
        /// The session's position in the tracker's order.
        var session: Int32
        /// The item's position in the session's `remaining`, `completed` or `updates`.
        var item: Int32
        /// For an update: the position of the resolved title in its `resolves`.
        var resolved: Int32 = 0
        var source: Source

        var kind: TaskMention.Kind { source == .remaining ? .open : .done }

        /// The mention it stands for, read from `sessions` (the tracker's order) and their titles' `text`.
        func mention(in sessions: [IntakeSession], text: TitleText) -> TaskMention {
            let s = sessions[Int(session)]
            switch source {
            case .remaining:
                let r = s.remaining[Int(item)]
                return TaskMention(session: s.id, date: s.date, line: Int(r.line), text: text.string(r.title), kind: .open,
                                   priority: r.priority, priorityRank: r.priorityRank)
            case .completed:
                let c = s.completed[Int(item)]
                return TaskMention(session: s.id, date: s.date, line: Int(c.line), text: text.string(c.title), kind: .done)
            case .update:
                let u = s.updates[Int(item)]
                return TaskMention(session: s.id, date: s.date, line: u.line, text: "\(u.title): \(u.resolves[Int(resolved)])", kind: .done)
            }
        }
    }

    struct Pending {
        var mention: MentionRef
        /// Its title's shape: a position in the tracker's shape store.
        var shape: Int
        /// For a split mention: never joins an existing task.
        var isPinnedApart = false
    }

    /// The tracked tasks of `sessions` (any order), by priority then age.
    public func tasks(from sessions: [Session]) -> [TrackedTask] {
        tasks(from: sessions.map(TaskInput.init))
    }

    /// The tracked tasks of the sessions' work items (any order), by priority then age.
    public func tasks(from sessions: consuming [TaskInput]) -> [TrackedTask] {
        track(consume sessions).tasks()
    }

    /// The sessions' work items (any order) matched into drafts, to be made into tasks (`TrackedDrafts`).
    public func track(_ sessions: consuming [TaskInput]) -> TrackedDrafts {
        var ordered = sessions
        sessions = []
        ordered.sort { ($0.date, $0.id) < ($1.date, $1.id) }
        var intake = TaskIntake()
        intake.reserve(sessions: ordered.count, items: ordered.reduce(0) { $0 + $1.remaining.count + $1.completed.count })
        for i in ordered.indices { intake.add(ordered[i].taken()) }
        ordered = []
        return track(consume intake)
    }

    /// The work items taken in by `intake` matched into drafts, to be made into tasks (`TrackedDrafts`).
    public func track(_ intake: consuming TaskIntake) -> TrackedDrafts {
        intake.order()
        var similarity = intake.similarity
        var store = intake.store
        let ordered = intake.sessions
        let text = intake.text
        let firstShape = intake.firstShape
        intake = TaskIntake()
        let splits = Set(decisions.filter { $0.action == .split }.compactMap { d in d.session.map { "\($0)#\(d.line ?? 0)" } })
        // Most journals pin no split: then no key is made for every item (a string per item, on this one thread).
        func isSplit(_ session: String, _ line: Int32) -> Bool { !splits.isEmpty && splits.contains("\(session)#\(line)") }
        // IDF over every remaining and completed title (see `TaskIntake`).
        similarity.freeze()
        store.weigh(by: similarity)

        var drafts: [Draft] = []
        // Per word id, the drafts whose open mentions use it, oldest first (Int32: at 50,000 notes, 1.8 million).
        var postings = [[Int32]](repeating: [], count: similarity.documentFrequency.count)
        var scratch = Scratch()

        func attach(_ p: Pending, to index: Int, session: Int) {
            drafts[index].mentions.append(p.mention)
            // Only what was planned says what a task is: evidence of done work ("config/example_amc.toml")
            // closes it but never draws in later mentions that share its generic words.
            guard p.mention.kind == .open else { return }
            drafts[index].lastOpenSession = Int32(session)
            store.withViews { view in
                for t in view(p.shape).full where postings[Int(t)].last != Int32(index) { postings[Int(t)].append(Int32(index)) }
            }
        }

        for (n, s) in ordered.enumerated() {
            // Open mentions: remaining items.
            let opens: [Pending] = s.remaining.enumerated().map { i, r in
                let m = MentionRef(session: Int32(n), item: Int32(i), source: .remaining)
                return Pending(mention: m, shape: firstShape[n] + i,
                               isPinnedApart: isSplit(s.id, r.line))
            }
            let existing = drafts.count
            let openMatches = bestMatches(for: opens, among: drafts, postings: postings, similarity: similarity,
                                          shapes: store, firstShape: firstShape, scratch: &scratch) { _ in true }
            var itemDraft = [Int](repeating: -1, count: opens.count)
            for (item, draft) in openMatches { itemDraft[item] = draft }
            for i in opens.indices {
                if itemDraft[i] < 0 { drafts.append(Draft()); itemDraft[i] = drafts.count - 1 }
                attach(opens[i], to: itemDraft[i], session: n)
            }
            // Dependencies name other items of the same note by number.
            for (i, r) in s.remaining.enumerated() {
                for number in r.dependsOn {
                    if let j = s.remaining.firstIndex(where: { $0.number == number }), j != i {
                        if !drafts[itemDraft[i]].dependsOn.contains(Int32(itemDraft[j])) {
                            drafts[itemDraft[i]].dependsOn.append(Int32(itemDraft[j]))
                        }
                    }
                }
            }

            // Done mentions: completed items close earlier tasks not mentioned as open in this note.
            let dones: [Pending] = s.completed.enumerated().compactMap { i, c in
                if isSplit(s.id, c.line) { return nil }
                let m = MentionRef(session: Int32(n), item: Int32(i), source: .completed)
                return Pending(mention: m, shape: firstShape[n] + s.remaining.count + i)
            }
            let doneMatches = bestMatches(for: dones, among: drafts, postings: postings, similarity: similarity,
                                          shapes: store, firstShape: firstShape, scratch: &scratch) { d in
                d < existing && drafts[d].lastOpenSession != Int32(n)
            }
            for (item, draft) in doneMatches { attach(dones[item], to: draft, session: n) }

            // Updates resolve items of their own note by title.
            for (k, u) in s.updates.enumerated() {
                for (j, title) in u.resolves.enumerated() {
                    let wanted = TaskID.normalise(title)
                    guard let i = s.remaining.firstIndex(where: { TaskID.normalise(text.string($0.title)) == wanted }) else { continue }
                    let m = MentionRef(session: Int32(n), item: Int32(k), resolved: Int32(j), source: .update)
                    attach(Pending(mention: m, shape: opens[i].shape), to: itemDraft[i], session: n)
                }
            }
        }
        return TrackedDrafts(drafts: drafts, sessions: ordered, text: text, decisions: decisions)
    }

    /// Per-draft counters reused across items, so finding candidates never allocates per draft. Each draft's
    /// counters sit together (`Tally`): as four arrays, every draft a posting list named cost four cache lines.
    struct Scratch {
        struct Tally {
            /// The item these counters belong to (older counters are stale).
            var item: Int32 = -1
            /// The last word of the item that counted this draft.
            var lastWord: Int32 = -1
            /// How many of the item's words the draft shares, and their IDF weight.
            var count: Int32 = 0
            var weight = 0.0
        }
        var tallies: [Tally] = []
        var touched: [Int] = []
        var item: Int32 = 0

        /// The counters as an unchecked buffer (grown first to cover every draft), and the touched list.
        mutating func withBuffers(_ body: (UnsafeMutableBufferPointer<Tally>, inout [Int]) -> Void) {
            var list = touched
            touched = []
            tallies.withUnsafeMutableBufferPointer { body($0, &list) }
            touched = list
        }

        mutating func grow(to n: Int) {
            guard tallies.count < n else { return }
            tallies += [Tally](repeating: Tally(), count: n - tallies.count)
        }
    }

    /// Greedy one-to-one assignment of `items` to drafts by descending score (ties: earlier item, older draft).
    ///
    /// Blocking: a draft is a candidate only when it shares two of the item's words (one for a one-word title)
    /// among the `postingScan` most recent drafts using each word, found through the inverted index, and is
    /// among the `maxCandidates` sharing the most IDF weight; only candidates are scored, so the cost grows with
    /// the number of items, not its square.
    private func bestMatches(for items: [Pending], among drafts: [Draft], postings: [[Int32]], similarity: TaskSimilarity,
                             shapes store: TaskSimilarity.ShapeStore, firstShape: [Int], scratch: inout Scratch,
                             allowed: (Int) -> Bool) -> [(Int, Int)] {
        var pairs: [(score: Double, item: Int, draft: Int)] = []
        var candidates = TopCandidates(keeping: maxCandidates)
        scratch.grow(to: drafts.count)
        // Shapes are read in place in the store, the item's as well as the drafts'.
        store.withViews { stored in
        for i in items.indices where !items[i].isPinnedApart && !stored(items[i].shape).full.isEmpty {
            let shape = stored(items[i].shape)
            scratch.item += 1
            scratch.touched.removeAll(keepingCapacity: true)
            let item = scratch.item
            // Unchecked buffers: this loop runs for every word of every mention over up to `postingScan`
            // drafts (10,000 generated notes: a quarter of the whole tracker in bounds and exclusivity checks).
            scratch.withBuffers { tally, touched in
                for t in shape.full {
                    let w = similarity.weight(t)
                    postings[Int(t)].withUnsafeBufferPointer { list in
                        for draft in list[max(0, list.count - postingScan)...] {
                            let d = Int(draft)
                            if tally[d].item != item {
                                tally[d] = Scratch.Tally(item: item, lastWord: t, count: 1, weight: w)
                                touched.append(d)
                            } else if tally[d].lastWord != t {
                                tally[d].lastWord = t; tally[d].count += 1; tally[d].weight += w
                            }
                        }
                    }
                }
            }
            let need: Int32 = shape.full.count == 1 ? 1 : 2
            candidates.removeAll()
            // Newest first: ties go to the newer draft, so an older one that ties is turned away at once.
            for d in scratch.touched.reversed() where scratch.tallies[d].count >= need && allowed(d) {
                candidates.offer(scratch.tallies[d].weight, d)
            }
            // Scored against the draft's latest `shapesCompared` open mentions.
            for (_, d) in candidates.kept {
                var best = 0.0
                var compared = 0
                for m in drafts[d].mentions.reversed() where m.source == .remaining {
                    best = max(best, similarity.score(shape, stored(firstShape[Int(m.session)] + Int(m.item))))
                    compared += 1
                    if compared == Self.shapesCompared { break }
                }
                if best >= threshold { pairs.append((best, i, d)) }
            }
        }
        }
        pairs.sort { ($0.score, -$0.item, -$0.draft) > ($1.score, -$1.item, -$1.draft) }
        var usedItems = Set<Int>(), usedDrafts = Set<Int>()
        var out: [(Int, Int)] = []
        for p in pairs where !usedItems.contains(p.item) && !usedDrafts.contains(p.draft) {
            usedItems.insert(p.item); usedDrafts.insert(p.draft)
            out.append((p.item, p.draft))
        }
        return out
    }
}
