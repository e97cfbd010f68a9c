/// What the next session should know before it starts: recurred-after-fix warnings, open P0/P1 tasks (blocked
/// ones with their blockers), reopened tasks, what the last session left open, and failures with the fix
/// written last time.
///
/// `Brief.make(tasks: journalTasks, failures: clusters, today: "2026-11-25")` → warnings first (F-… "schema
/// drift", recurred after the 2026-09-03 fix), then "Webhook retries lost on restart" (P0, reopened), ...
public struct Brief: Sendable, Hashable, Codable {
    /// The day the brief was made (`YYYY-MM-DD`).
    public var date: String
    /// Only tasks and failures last seen on or after this day, when set.
    public var since: String?
    /// Failures that happened again after a fix was written: read these first.
    public var warnings: [FailureLine]
    /// Open or blocked tasks of priority P0 or P1, most urgent first.
    public var openTasks: [TaskLine]
    /// Tasks that were done and came back, not already listed in `openTasks`.
    public var reopened: [TaskLine]
    /// Other unfinished tasks mentioned by the newest session that mentions any: what it handed over
    /// (most notes give no priority at all, so without this their brief would be empty).
    public var leftOpen: [TaskLine]
    /// Recurring failures, then fixed or single-session ones with a fix or a takeaway written, newest first.
    public var watchOutFor: [FailureLine]
    /// How many lines each section had before the limit, so readers can say "10 of 14".
    public var totals: Totals

    public struct Totals: Sendable, Hashable, Codable {
        public var warnings, openTasks, reopened, leftOpen, watchOutFor: Int
        enum CodingKeys: String, CodingKey {
            case warnings, openTasks = "open_tasks", reopened, leftOpen = "left_open", watchOutFor = "watch_out_for"
        }
    }

    /// A task as the brief shows it: enough to act on and to find the note line it came from.
    public struct TaskLine: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var priority: String?
        public var status: TrackedTask.Status
        public var isReopened: Bool
        /// Unfinished tasks this one waits on.
        public var blockedBy: [Blocker]
        /// The latest mention: session id and line.
        public var session: String
        public var line: Int
        public var lastSeen: String

        enum CodingKeys: String, CodingKey {
            case id, title, priority, status, isReopened = "reopened", blockedBy = "blocked_by", session, line,
                 lastSeen = "last_seen"
        }
    }

    /// A task another waits on.
    public struct Blocker: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
    }

    /// A failure as the brief shows it, with the newest fix written for it.
    public struct FailureLine: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var status: FailureCluster.Status
        public var sessions: Int
        public var lastSeen: String
        /// The fix or correct response written most recently, when any.
        public var fix: FailureFix?
        /// When no fix was written: the newest takeaway grouped with it from a session where it occurred
        /// ("Next session should start by ...").
        public var lesson: FailureFix?
        /// The latest occurrence's session and line.
        public var session: String
        public var line: Int

        enum CodingKeys: String, CodingKey {
            case id, title, status, sessions, lastSeen = "last_seen", fix, lesson, session, line
        }
    }

    enum CodingKeys: String, CodingKey {
        case date, since, warnings, openTasks = "open_tasks", reopened, leftOpen = "left_open", watchOutFor = "watch_out_for", totals
    }

    /// Whether there is nothing to say.
    public var isEmpty: Bool {
        warnings.isEmpty && openTasks.isEmpty && reopened.isEmpty && leftOpen.isEmpty && watchOutFor.isEmpty
    }

    /// Builds the brief from every tracked task and failure cluster; `limit` caps each section.
    public static func make(tasks: [TrackedTask], failures: [FailureCluster], today: String, since: String? = nil,
                            limit: Int = 10) -> Brief {
        let byID = Dictionary(tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let recent = { (lastSeen: String) in since.map { lastSeen >= $0 } ?? true }
        let unfinished = tasks.filter { $0.status != .done && recent($0.lastSeen) }

        // Most urgent first: priority, open before blocked, most recently mentioned, then in note order.
        func isBefore(_ a: TrackedTask, _ b: TrackedTask) -> Bool {
            let (ra, rb) = (a.priorityRank ?? 9, b.priorityRank ?? 9)
            if ra != rb { return ra < rb }
            let (ba, bb) = (a.status == .blocked, b.status == .blocked)
            if ba != bb { return bb }
            if a.lastSeen != b.lastSeen { return a.lastSeen > b.lastSeen }
            let (la, lb) = (a.mentions.last, b.mentions.last)
            return (la?.session ?? "", la?.line ?? 0, a.id) < (lb?.session ?? "", lb?.line ?? 0, b.id)
        }
        let urgent = unfinished.filter { ($0.priorityRank ?? 9) <= 1 }.sorted(by: isBefore)
        let urgentIDs = Set(urgent.map(\.id))
        let reopened = unfinished.filter { $0.isReopened && !urgentIDs.contains($0.id) }.sorted(by: isBefore)
        let listed = urgentIDs.union(reopened.map(\.id))
        let newest = unfinished.map(\.lastSeen).max()
        let leftOpen = unfinished.filter { $0.lastSeen == newest && !listed.contains($0.id) }.sorted(by: isBefore)

        let seen = failures.filter { recent($0.lastSeen) }
        let warnings = seen.filter { $0.status == .recurredAfterFix }.sorted(by: newestFirst)
        let recurring = seen.filter { $0.status == .recurring }.sorted(by: mostSessionsFirst)
        let lessons = seen.filter { ($0.status == .single || $0.status == .fixed) && (!$0.fixes.isEmpty || takeaway($0) != nil) }
            .sorted(by: newestFirst)
        let watch = recurring + lessons

        func line(_ t: TrackedTask) -> TaskLine {
            let latest = t.mentions.last { $0.kind == .open } ?? t.mentions.last
            let blockers = t.dependsOn.compactMap { byID[$0] }.filter { $0.status != .done }
                .map { Blocker(id: $0.id, title: $0.title) }
            return TaskLine(id: t.id, title: t.title, priority: t.priorityRank.map { Priority.label(rank: $0) } ?? t.priority,
                            status: t.status, isReopened: t.isReopened, blockedBy: blockers,
                            session: latest?.session ?? "", line: latest?.line ?? 0, lastSeen: t.lastSeen)
        }
        return Brief(date: today, since: since,
                     warnings: warnings.prefix(limit).map(failureLine),
                     openTasks: urgent.prefix(limit).map(line),
                     reopened: reopened.prefix(limit).map(line),
                     leftOpen: leftOpen.prefix(limit).map(line),
                     watchOutFor: watch.prefix(limit).map(failureLine),
                     totals: Totals(warnings: warnings.count, openTasks: urgent.count, reopened: reopened.count,
                                    leftOpen: leftOpen.count, watchOutFor: watch.count))
    }

    static func failureLine(_ c: FailureCluster) -> FailureLine {
        // Point at the newest occurrence of the failure itself, not at a takeaway grouped with it.
        let own = c.occurrences.filter { $0.kind != "takeaway" }
        let latest = (own.isEmpty ? c.occurrences : own).max { ($0.date, $0.line) < ($1.date, $1.line) }
        // `fixes` are newest first by contract.
        let fix = c.fixes.first
        return FailureLine(id: c.id, title: c.title, status: c.status, sessions: c.sessions, lastSeen: c.lastSeen,
                           fix: fix, lesson: fix == nil ? takeaway(c) : nil, session: latest?.session ?? "", line: latest?.line ?? 0)
    }

    /// The newest takeaway grouped with a cluster, written in a session where the failure itself occurred
    /// (a takeaway from elsewhere is too loose a match to present as its lesson).
    static func takeaway(_ c: FailureCluster) -> FailureFix? {
        let sessions = Set(c.occurrences.filter { $0.kind != "takeaway" }.map(\.session))
        return c.occurrences.filter { $0.kind == "takeaway" && sessions.contains($0.session) }
            .max { ($0.date, $0.line) < ($1.date, $1.line) }
            .map { FailureFix(session: $0.session, date: $0.date, line: $0.line, text: $0.text) }
    }

    static func newestFirst(_ a: FailureCluster, _ b: FailureCluster) -> Bool {
        (b.lastSeen, b.sessions, a.id) < (a.lastSeen, a.sessions, b.id)
    }

    static func mostSessionsFirst(_ a: FailureCluster, _ b: FailureCluster) -> Bool {
        (b.sessions, b.lastSeen, a.id) < (a.sessions, a.lastSeen, b.id)
    }
}
