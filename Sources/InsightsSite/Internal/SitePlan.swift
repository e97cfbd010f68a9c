import Foundation
import InsightsCore

/// The site's shape before any page is rendered: ordered sessions, file names, item anchors and cross-links.
struct SitePlan {
    /// Newest first (date descending, then id).
    var notes: [SiteNote] = []
    /// Session id → output path (`sessions/2025-12-17-session-insights.html`).
    var sessionPath: [String: String] = [:]
    /// Session id → fingerprint of everything shown about it.
    var sessionDigest: [String: String] = [:]
    /// `session#line` → item anchor on the session page (`finding-3`).
    var itemAnchor: [String: String] = [:]
    /// `session#line` → the tracked task mentioned there.
    var taskAt: [String: TrackedTask] = [:]
    /// `session#line` → the failure cluster with an occurrence there.
    var failureAt: [String: FailureCluster] = [:]
    /// Tag → output path (`tags/ci.html`), and tag → session ids carrying it (newest first).
    var tagPath: [String: String] = [:]
    var tagSessions: [String: [String]] = [:]
    /// Tasks by priority then id; clusters by sessions (most first) then id.
    var tasks: [TrackedTask] = []
    var failures: [FailureCluster] = []
    var sessionTitle: [String: String] = [:]
    /// Note file name (lowercased, from `Session.source`) → its page, as linked from another session page.
    var notePages: [String: String] = [:]
    /// Fingerprint of the whole input (for pages that list everything).
    var allDigest = ""

    static func key(_ session: String, _ line: Int) -> String { "\(session)#\(line)" }

    /// Link from any page (at `root`) to the item of `session` at `line`, or to the session page.
    func href(session: String, line: Int?, root: String) -> String? {
        guard let page = sessionPath[session] else { return nil }
        if let line, let anchor = itemAnchor[Self.key(session, line)] { return root + page + "#" + anchor }
        return root + page
    }

    static func taskAnchor(_ id: String) -> String { "task-" + SafePath.anchor(id) }
    static func failureAnchor(_ id: String) -> String { "failure-" + SafePath.anchor(id) }

    init() {}

    init(input: SiteInput, options: SiteOptions, templatesDigest: String) {
        notes = input.notes.sorted { a, b in
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
            registerAnchors(s)
            for tag in s.tags.sorted() where tagSessions[tag]?.last != s.id {
                tagSessions[tag, default: []].append(s.id)
            }
        }
        for tag in tagSessions.keys.sorted() {
            tagPath[tag] = "tags/" + Self.unique(Slug.make(tag), &usedTags) + ".html"
        }
        tasks = input.tasks.sorted { a, b in
            (a.priorityRank ?? 9, a.id) < (b.priorityRank ?? 9, b.id)
        }
        failures = input.failures.sorted { a, b in
            a.sessions != b.sessions ? a.sessions > b.sessions : a.id < b.id
        }
        for task in tasks {
            all.addTask(task)
            for m in task.mentions where taskAt[Self.key(m.session, m.line)] == nil { taskAt[Self.key(m.session, m.line)] = task }
            if let e = task.evidence, taskAt[Self.key(e.session, e.line)] == nil { taskAt[Self.key(e.session, e.line)] = task }
        }
        for cluster in failures {
            all.addFailure(cluster)
            for o in cluster.occurrences where failureAt[Self.key(o.session, o.line)] == nil {
                failureAt[Self.key(o.session, o.line)] = cluster
            }
        }
        allDigest = all.hex
    }

    /// The anchors a session page gives its items, by source line (first item on a line wins).
    private mutating func registerAnchors(_ s: Session) {
        func put(_ line: Int, _ anchor: String) {
            let k = Self.key(s.id, line)
            if itemAnchor[k] == nil { itemAnchor[k] = anchor }
        }
        for (i, f) in s.findings.enumerated() { put(f.line, "finding-\(i + 1)") }
        for (i, f) in s.friction.enumerated() { put(f.line, "friction-\(i + 1)") }
        for (i, c) in s.completed.enumerated() { put(c.line, "completed-\(i + 1)") }
        for (i, r) in s.remaining.enumerated() { put(r.line, "remaining-\(i + 1)") }
        for (i, u) in s.updates.enumerated() { put(u.line, "update-\(i + 1)") }
        for (i, t) in s.takeaways.enumerated() { put(t.line, "takeaway-\(i + 1)") }
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
            let k = Self.key(s.id, line)
            if let t = taskAt[k] { d.add(t.id); d.add(t.status.rawValue); d.add(t.title) }
            if let f = failureAt[k] { d.add(f.id); d.add(f.status.rawValue); d.add(f.title) }
        }
        for tag in s.tags { d.add(tagPath[tag] ?? "") }
        return d.hex
    }
}
