import Foundation
import InsightsCore

/// The site's shape before any page is rendered: ordered session summaries, file names and cross-links. The
/// sessions themselves are read again from `source` by the pages that show them.
struct SitePlan {
    /// Where the sessions are read from.
    var source: any SiteSessions = HeldSessions([])
    /// Newest first (date descending, then id).
    var summaries: [SessionSummary] = []
    /// Session id → its position in `summaries` (the number in an `ItemKey`).
    var sessionNumber: [String: Int32] = [:]
    /// An item's session and line → the position in `tasks` of the tracked task mentioned there.
    var taskAt: [ItemKey: Int32] = [:]
    /// An item's session and line → the position in `failures` of the cluster with an occurrence there.
    var failureAt: [ItemKey: Int32] = [:]
    /// Tag → output path (`tags/ci.html`), and tag → session ids carrying it (newest first).
    var tagPath: [String: String] = [:]
    var tagSessions: [String: [String]] = [:]
    /// Tasks by priority then id; clusters by sessions (most first) then id.
    /// Fixed once planned: `taskAt` and `failureAt` point into them by position.
    private(set) var tasks: [TrackedTask] = []
    /// Each task's number of mentions: a done task is one line on the board, and its mentions go once planned
    /// (four tasks in five are done; at 50,000 generated notes their histories were 40 MB of the build).
    private(set) var mentionCounts: [Int32] = []
    private(set) var failures: [FailureCluster] = []
    /// Note file name (lowercased, from `Session.source`) → its page, as linked from another session page.
    var notePages: [String: String] = [:]
    /// Every finding's category and severity group (the findings page's filters), and the number of findings
    /// and friction rows.
    var findingCategories: Set<String> = []
    var findingSeverities: Set<String> = []
    var findingCount = 0
    var frictionCount = 0
    /// Fingerprint of the whole input (for pages that list everything).
    var allDigest = ""

    /// The summary of the session `id`, if it is on the site.
    func summary(_ id: String) -> SessionSummary? { sessionNumber[id].map { summaries[Int($0)] } }
    func title(of id: String) -> String? { summary(id)?.title }

    /// The plan's order of sessions: newest first, then by id.
    static func isBefore(_ a: (date: String, id: String), _ b: (date: String, id: String)) -> Bool {
        a.date != b.date ? a.date > b.date : a.id < b.id
    }

    /// A session's item by line, in 8 bytes: at 50,000 notes the plan keyed by `"session#line"` strings, with a
    /// copy of the task or cluster per key, held 440 MB.
    struct ItemKey: Hashable {
        var session: Int32
        var line: Int32

        init(session: Int32, line: Int) { self.session = session; self.line = Int32(truncatingIfNeeded: line) }
    }

    /// The key of the item of `session` at `line`; nil for a session not on the site.
    func key(_ session: String, _ line: Int) -> ItemKey? {
        sessionNumber[session].map { ItemKey(session: $0, line: line) }
    }

    /// The tracked task mentioned at `line` of `session`, if any.
    func task(at session: String, _ line: Int) -> TrackedTask? {
        key(session, line).flatMap { taskAt[$0] }.map { tasks[Int($0)] }
    }

    /// The failure cluster with an occurrence at `line` of `session`, if any.
    func failure(at session: String, _ line: Int) -> FailureCluster? {
        key(session, line).flatMap { failureAt[$0] }.map { failures[Int($0)] }
    }

    /// Link from any page (at `root`) to the item of `session` at `line`, or to the session page.
    func href(session: String, line: Int?, root: String) -> String? {
        guard let summary = summary(session) else { return nil }
        if let line, let anchor = summary.anchor(line: line) { return root + summary.path + "#" + anchor }
        return root + summary.path
    }

    static func taskAnchor(_ id: String) -> String { "task-" + SafePath.anchor(id) }
    static func failureAnchor(_ id: String) -> String { "failure-" + SafePath.anchor(id) }

    init() {}

    /// The plan of `input`, whose tasks and clusters it takes (`input` is left empty) and sorts in place, so
    /// they are never held twice. Every session is read once from the input's source, a batch at a time, and
    /// summarised.
    init(taking input: inout SiteInput, options: SiteOptions, templatesDigest: String) throws {
        source = input.sessions ?? HeldSessions(input.notes)
        input.notes = []; input.sessions = nil
        // Read and summarised a batch at a time, on every core.
        var seen: Set<String> = []
        let ids = try source.ids().filter { seen.insert($0).inserted }, from = source
        let batches = stride(from: 0, to: ids.count, by: NoteCursor.batch).map { $0..<min($0 + NoteCursor.batch, ids.count) }
        for batch in try Parallel.map(batches, { range in Summarised(try from.notes(Array(ids[range]))) }) {
            summaries += batch.summaries
            findingCategories.formUnion(batch.categories); findingSeverities.formUnion(batch.severities)
            findingCount += batch.findings; frictionCount += batch.friction
        }
        summaries.sort { Self.isBefore(($0.date, $0.id), ($1.date, $1.id)) }
        // One summary per id (a source's notes may repeat one): the first in this order.
        seen = []
        summaries = summaries.filter { seen.insert($0.id).inserted }
        var usedFiles: Set<String> = []
        var usedTags: Set<String> = []
        var all = Fingerprint()
        all.add(templatesDigest)
        all.add(options.title); all.add(options.baseURL); all.add(options.allowUnsafeHTML); all.add(options.generatedOn)
        all.add(options.homeSessions)
        for n in summaries.indices.sorted(by: { summaries[$0].id < summaries[$1].id }) {
            summaries[n].path = "sessions/" + Self.unique(SafePath.fileName(summaries[n].id), &usedFiles) + ".html"
        }
        for (i, s) in summaries.enumerated() {
            sessionNumber[s.id] = Int32(i)
            if notePages[s.noteName] == nil { notePages[s.noteName] = String(s.path.dropFirst("sessions/".count)) }
            all.add(s.id); all.add(s.digest)
            for tag in s.tags.sorted() where tagSessions[tag]?.last != s.id {
                tagSessions[tag, default: []].append(s.id)
            }
        }
        for tag in tagSessions.keys.sorted() {
            tagPath[tag] = "tags/" + Self.unique(Slug.make(tag), &usedTags) + ".html"
        }
        tasks = input.tasks
        input.tasks = []
        tasks.sort { a, b in (a.priorityRank ?? 9, a.id) < (b.priorityRank ?? 9, b.id) }
        failures = input.failures
        input.failures = []
        failures.sort { a, b in a.sessions != b.sessions ? a.sessions > b.sessions : a.id < b.id }
        for (i, task) in tasks.enumerated() {
            all.addTask(task)
            for m in task.mentions { if let k = key(m.session, m.line), taskAt[k] == nil { taskAt[k] = Int32(i) } }
            if let e = task.evidence, let k = key(e.session, e.line), taskAt[k] == nil { taskAt[k] = Int32(i) }
        }
        mentionCounts = tasks.map { Int32($0.mentions.count) }
        for i in tasks.indices where tasks[i].status == .done { tasks[i].mentions = [] }
        for (i, cluster) in failures.enumerated() {
            all.addFailure(cluster)
            for o in cluster.occurrences { if let k = key(o.session, o.line), failureAt[k] == nil { failureAt[k] = Int32(i) } }
        }
        allDigest = all.hex
    }

    /// The summaries of a batch of notes, and what the findings and friction pages need of them.
    private struct Summarised: Sendable {
        var summaries: [SessionSummary] = []
        var categories: Set<String> = [], severities: Set<String> = []
        var findings = 0, friction = 0

        init(_ notes: [SiteNote]) {
            for note in notes {
                summaries.append(SessionSummary(note))
                for f in note.session.findings {
                    categories.insert(f.category); severities.insert(IndexPages.severityGroup(f).group)
                }
                findings += note.session.findings.count
                friction += note.session.friction.count
            }
        }
    }

    private static func unique(_ base: String, _ used: inout Set<String>) -> String {
        var name = base
        var n = 2
        while used.contains(name.lowercased()) { name = "\(base)-\(n)"; n += 1 }
        used.insert(name.lowercased())
        return name
    }

    /// Fingerprint of what a session page shows besides the session: the tasks and clusters it links to.
    func linkDigest(for s: SessionSummary) -> String {
        var d = Fingerprint()
        for line in s.linkedLines.map(Int.init) {
            if let t = task(at: s.id, line) { d.add(t.id); d.add(t.status.rawValue); d.add(t.title) }
            if let f = failure(at: s.id, line) { d.add(f.id); d.add(f.status.rawValue); d.add(f.title) }
        }
        for tag in s.tags { d.add(tagPath[tag] ?? "") }
        return d.hex
    }
}
