import Foundation
import InsightsCore

/// The site's shape before any page is rendered: ordered sessions, file names and cross-links.
struct SitePlan {
    /// Newest first (date descending, then id).
    var notes: [SiteNote] = []
    /// Session id → output path (`sessions/2025-12-17-session-insights.html`).
    var sessionPath: [String: String] = [:]
    /// Session id → fingerprint of everything shown about it.
    var sessionDigest: [String: String] = [:]
    /// Session id → its position in `notes` (the number in an `ItemKey`).
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
    private(set) var failures: [FailureCluster] = []
    var sessionTitle: [String: String] = [:]
    /// Note file name (lowercased, from `Session.source`) → its page, as linked from another session page.
    var notePages: [String: String] = [:]
    /// Fingerprint of the whole input (for pages that list everything).
    var allDigest = ""

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
        guard let page = sessionPath[session] else { return nil }
        if let line, let n = sessionNumber[session], let anchor = Self.anchor(of: notes[Int(n)].session, line: line) {
            return root + page + "#" + anchor
        }
        return root + page
    }

    /// The anchor a session page gives its item at `line` (`finding-3`): the first item on that line, findings
    /// first. Found in the session when a link needs it: a table of every item's anchor was 19 MB at 50,000 notes.
    static func anchor(of s: Session, line: Int) -> String? {
        if let i = s.findings.firstIndex(where: { $0.line == line }) { return "finding-\(i + 1)" }
        if let i = s.friction.firstIndex(where: { $0.line == line }) { return "friction-\(i + 1)" }
        if let i = s.completed.firstIndex(where: { $0.line == line }) { return "completed-\(i + 1)" }
        if let i = s.remaining.firstIndex(where: { $0.line == line }) { return "remaining-\(i + 1)" }
        if let i = s.updates.firstIndex(where: { $0.line == line }) { return "update-\(i + 1)" }
        if let i = s.takeaways.firstIndex(where: { $0.line == line }) { return "takeaway-\(i + 1)" }
        return nil
    }

    static func taskAnchor(_ id: String) -> String { "task-" + SafePath.anchor(id) }
    static func failureAnchor(_ id: String) -> String { "failure-" + SafePath.anchor(id) }

    init() {}

    /// The plan of `input`, whose sessions, tasks and clusters it takes (`input` is left empty) and sorts in
    /// place, so they are never held twice.
    init(taking input: inout SiteInput, options: SiteOptions, templatesDigest: String) {
        notes = input.notes
        input.notes = []
        notes.sort { a, b in
            a.session.date != b.session.date ? a.session.date > b.session.date : a.session.id < b.session.id
        }
        var usedFiles: Set<String> = []
        var usedTags: Set<String> = []
        var all = Fingerprint()
        all.add(templatesDigest)
        all.add(options.title); all.add(options.baseURL); all.add(options.allowUnsafeHTML); all.add(options.generatedOn)
        all.add(options.homeSessions)
        for note in notes.sorted(by: { $0.session.id < $1.session.id }) {
            let s = note.session
            guard sessionPath[s.id] == nil else { continue }
            sessionPath[s.id] = "sessions/" + Self.unique(SafePath.fileName(s.id), &usedFiles) + ".html"
        }
        notes = notes.filter { sessionPath[$0.session.id] != nil }
        var seen: Set<String> = []
        notes = notes.filter { seen.insert($0.session.id).inserted }
        for (i, note) in notes.enumerated() { sessionNumber[note.session.id] = Int32(i) }
        for note in notes {
            let s = note.session
            sessionTitle[s.id] = s.title
            if let page = sessionPath[s.id] {
                let name = ((s.source.isEmpty ? s.id + ".md" : s.source) as NSString).lastPathComponent.lowercased()
                if notePages[name] == nil { notePages[name] = String(page.dropFirst("sessions/".count)) }
            }
            var d = Fingerprint()
            d.add(note.markdown)
            d.addSession(s)
            sessionDigest[s.id] = d.hex
            all.add(s.id); all.add(d.hex)
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
        for (i, cluster) in failures.enumerated() {
            all.addFailure(cluster)
            for o in cluster.occurrences { if let k = key(o.session, o.line), failureAt[k] == nil { failureAt[k] = Int32(i) } }
        }
        allDigest = all.hex
    }

    private static func unique(_ base: String, _ used: inout Set<String>) -> String {
        var name = base
        var n = 2
        while used.contains(name.lowercased()) { name = "\(base)-\(n)"; n += 1 }
        used.insert(name.lowercased())
        return name
    }

    /// Fingerprint of what a session page shows besides the session: the tasks and clusters it links to.
    func linkDigest(for s: Session) -> String {
        var d = Fingerprint()
        let lines = s.findings.map(\.line) + s.friction.map(\.line) + s.completed.map(\.line) + s.remaining.map(\.line)
            + s.updates.map(\.line)
        for line in lines {
            if let t = task(at: s.id, line) { d.add(t.id); d.add(t.status.rawValue); d.add(t.title) }
            if let f = failure(at: s.id, line) { d.add(f.id); d.add(f.status.rawValue); d.add(f.title) }
        }
        for tag in s.tags { d.add(tagPath[tag] ?? "") }
        return d.hex
    }
}
