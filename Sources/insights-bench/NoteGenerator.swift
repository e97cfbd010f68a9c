import Foundation

/// Deterministic generator of realistic session notes in four styles, with recurring failures and
/// remaining work that carries over and gets closed, so every feature has something to chew on.
///
/// `NoteGenerator(seed: 42).note(number: 7)` → `("2024-01-03-webhook-retries-session.md", "# Session Insights - ...")`.
/// Notes are made in order (`number` 0, 1, 2, ...): each area keeps a backlog of open work that its next notes
/// carry over for a few sessions and then list as done (or drop), as a person's handoffs do. In the corpus
/// (78 notes), 84% of tasks are mentioned in one session and none in more than 9.
struct NoteGenerator {
    var rng: SplitMix64
    /// Open work per area (subject): each item's title and how many more notes will list it as open.
    private var backlogs: [String: [(title: String, mentionsLeft: Int, endsDone: Bool)]] = [:]
    private var nextTicket = 100

    /// Seeds each note's prose (`Lexicon.prose`), apart from `rng` so that adding prose left every other word of
    /// the notes as it was.
    private let proseSeed: UInt64

    init(seed: UInt64) { rng = SplitMix64(seed: seed); proseSeed = seed ^ 0x5EED_0F_9205E }

    static let subjects = ["billing", "webhook", "dashboard", "migration", "search", "importer", "auth", "queue",
                           "reports", "exports", "notifications", "scheduler", "cache", "api", "cli", "sync"]
    static let verbs = ["Add", "Fix", "Refactor", "Document", "Speed up", "Remove", "Harden", "Test", "Split", "Rename"]
    static let objects = ["retry logic", "index on due dates", "security headers", "rate limiting", "error pages",
                          "pagination", "CSV export", "audit log", "feature flag", "health check", "timeouts",
                          "connection pool", "schema drift check", "backoff", "locale formatting", "PDF renderer",
                          "session cookies", "deploy script", "CI cache", "fixtures", "logging", "metrics"]
    /// Failures that recur across notes in different words: (title variants, root cause, fix).
    static let failures: [([String], String, String)] = [
        (["Migrations applied by hand", "Schema drift after a manual ALTER TABLE", "Migration history out of sync again"],
         "Someone ran DDL in the SQL console instead of the migrate command, so the history table drifted.",
         "Only the migrate command may change the schema; CI fails on drift."),
        (["Pushed without running the tests", "Red CI after a quick push", "Skipped the test suite before pushing"],
         "The suite felt slow so it was skipped; the push broke the build.",
         "Install the pre-push hook that runs the affected specs."),
        (["Flaky spec depends on the time zone", "Timezone-dependent test failed in CI", "CI flaky around midnight UTC"],
         "The spec compares local dates with UTC dates.", "Freeze TZ=UTC and use fake timers in date specs."),
        (["Agent did the work itself instead of delegating", "Coordinator executed tasks directly", "Orchestrator bypassed the worker"],
         "The coordinator hit friction and worked around it instead of creating a task.",
         "Create a task and delegate; never edit files from the coordinator."),
        (["Context lost after compaction", "Conversation compaction dropped the plan", "Task list forgotten after summarisation"],
         "The plan lived only in the conversation and was summarised away.", "Keep the plan in a file and re-read it."),
        (["Webhook retries lost on worker restart", "Deliveries dropped when the worker restarted", "Retry queue emptied on deploy"],
         "In-flight retries were kept in memory.", "Persist retries in the jobs table."),
    ]
    static let oneOffs = ["Deadlock between recalculation jobs", "PDF render timed out on large invoices",
                          "Cookie SameSite setting broke the login redirect", "Gmail throttled the invite emails",
                          "Docker layer cache invalidated by a timestamp", "Locale files missing from the bundle",
                          "Connection pool exhausted under load test", "Stale feature flag left on in staging"]

    mutating func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }

    static func date(_ n: Int) -> (iso: String, long: String) {
        var comps = DateComponents()
        comps.year = 2020; comps.month = 1; comps.day = 1 + n / 3
        let cal = Calendar(identifier: .gregorian)
        let d = cal.date(from: comps) ?? Date(timeIntervalSince1970: 0)
        let iso = DateFormatter(), long = DateFormatter()
        for f in [iso, long] { f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "UTC") }
        iso.dateFormat = "yyyy-MM-dd"; long.dateFormat = "MMMM d, yyyy"
        return (iso.string(from: d), long.string(from: d))
    }

    static let qualifiers = ["on the admin page", "in the nightly job", "for EU customers", "behind the v2 API",
                             "in staging", "for large accounts", "on mobile", "in the worker", "before the release",
                             "after the upgrade", "in the onboarding flow", "for the partner feed", "in the CLI",
                             "for archived records", "under load"]

    /// A new piece of work in `subject`'s area, led by a ticket key no other task has (`AUT-127: Remove CI cache
    /// in the worker`): the same words recur across the years, the tickets do not.
    mutating func task(_ subject: String) -> String {
        nextTicket += 1
        return "\(subject.prefix(3).uppercased())-\(nextTicket): \(pick(Self.verbs)) \(pick(Self.objects)) \(pick(Self.qualifiers))"
    }

    /// How many notes list a new task as open: mostly one or two, a few up to twelve.
    mutating func lifetime() -> Int {
        let r = rng.next() % 100
        return r < 50 ? 1 : r < 70 ? 2 : r < 82 ? 3 : r < 94 ? 4 + Int(rng.next() % 3) : 7 + Int(rng.next() % 6)
    }

    /// The open and done work of the next note about `subject`: its area's backlog carried over (what ran its
    /// course is done, or silently dropped), new tasks, and work done within the session.
    mutating func work(_ subject: String) -> (open: [String], done: [String]) {
        var done: [String] = []
        var open: [String] = []
        var kept: [(title: String, mentionsLeft: Int, endsDone: Bool)] = []
        for item in backlogs[subject] ?? [] {
            if item.mentionsLeft == 0 {
                if item.endsDone { done.append(item.title) }
            } else {
                open.append(item.title)
                kept.append((item.title, item.mentionsLeft - 1, item.endsDone))
            }
        }
        // As many items as notes list: 3 to 7 open, 2 to 5 done, at least one of each new.
        let openCount = 3 + Int(rng.next() % 5), doneCount = 2 + Int(rng.next() % 4)
        for _ in 0..<max(1, openCount - open.count) {
            let title = task(subject)
            open.append(title)
            kept.append((title, lifetime() - 1, chance(80)))
        }
        for _ in 0..<max(1, doneCount - done.count) { done.append(task(subject)) }
        backlogs[subject] = kept
        return (open, done)
    }

    /// `title` (listed as open in this note) resolved by the note itself: its area no longer carries it.
    mutating func resolve(_ title: String, in subject: String) {
        backlogs[subject]?.removeAll { $0.title == title }
    }

    /// Note `n`: its file name and Markdown text.
    mutating func note(number n: Int) -> (name: String, text: String) {
        let (iso, long) = Self.date(n)
        let subject = pick(Self.subjects)
        let title = "\(subject.capitalized) \(pick(Self.objects)) session \(n)"
        let failure = pick(Self.failures)
        let failureTitle = pick(failure.0)
        let other = pick(Self.oneOffs)
        let (open, done) = work(subject)
        var words = SplitMix64(seed: proseSeed &+ UInt64(n) &* 0x9E37_79B9_7F4A_7C15)
        let prose = Lexicon.shared.prose(subject: subject, note: n, rng: &words) + "\n\n"
        var md = ""
        switch n % 4 {
        case 0:
            md += "# Session Insights - \(long)\n\n**Session Focus**: \(title)\n**Outcome**: partial success\n\n" + prose + "---\n\n"
            md += "## Technical Findings\n\n### 1. \(other) (P1)\n\n**Discovery**: \(other.lowercased()) while working on the \(subject).\n\n"
            md += "**Impact**: the \(subject) was unavailable for \(rng.next() % 50 + 5) minutes.\n\n**Root Cause**: a missing guard in the \(subject) module.\n\n"
            md += "**Fix Required**:\n```bash\nmake \(subject)-guard\n```\n\n## Process Findings\n\n### 1. \(failureTitle)\n\n"
            md += "**What happened**: \(failure.1)\n\n**Why it happened**: time pressure.\n\n"
            md += "| Friction | My Response | Correct Response |\n|---|---|---|\n| \(failureTitle) | Worked around it | \(failure.2) |\n\n"
            md += "## Work Completed This Session\n\n| Item | Status | Method |\n|---|---|---|\n"
            for d in done { md += "| \(d) | ✅ Complete | pairing |\n" }
            md += "\n## Remaining Work\n\n### P0 - Blockers\n1. **\(open[0])** - must happen first\n\n### P1 - Next\n"
            for (i, t) in open.dropFirst().enumerated() { md += "\(i + 2). **\(t)** - blocked by #1\n" }
            md += "\n## Key Takeaway\n\n**\(failure.2)**\n"
            if chance(30) {
                md += "\n## Update: \(open[0]) resolved (17:00 UTC)\n\n### \(open[0]) done\n\n**Status**: DONE\n"
                resolve(open[0], in: subject)
            }
        case 1:
            md += "---\ntitle: \(title)\ndate: \(iso)\ntags: [\(subject), \(pick(Self.subjects))]\n---\n\n# \(title)\n\n" + prose + "## Findings\n\n"
            md += "- **\(failureTitle)**: \(failure.1)\n- **\(other)**: seen twice today; \(subject) logs show it.\n\n## Next Steps\n\n"
            for t in open { md += "- [ ] \(t)\n" }
            for d in done { md += "- [x] \(d)\n" }
        case 2:
            md += "# \(title)\n\n**Date**: \(iso)\n\n" + prose + "## What Went Wrong\n\n1. \(failureTitle). \(failure.1)\n2. \(other).\n\n## Wins\n\n"
            for d in done { md += "- \(d)\n" }
            md += "\n## TODO\n\n"
            for t in open { md += "- \(t) (\(pick(["P1", "P2", "High", "Low"])))\n" }
        default:
            md += "# Handoff: \(title)\n\n**Date**: \(iso)\n\n" + prose + "## Completed\n\n"
            for d in done { md += "- \(d)\n" }
            md += "\n## Open Items\n\n"
            for t in open { md += "- \(pick(["🔴", "🟡", "🟢"])) \(t)\n" }
            md += "\n## Problems\n\n| Issue | What Happened | Fix |\n|---|---|---|\n| \(failureTitle) | \(failure.1) | \(failure.2) |\n"
        }
        let name = "\(iso)-\(subject)-\(n).md"
        return (name, md)
    }
}

/// A small, fast, deterministic PRNG (SplitMix64).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
