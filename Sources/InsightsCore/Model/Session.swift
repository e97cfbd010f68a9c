/// Everything extracted from one session note.
///
/// A note titled "Session Insights - December 17, 2025" becomes
/// `Session(id: "2025-12-17-session-insights", title: "Session Insights - December 17, 2025", date: "2025-12-17", ...)`.
public struct Session: Sendable, Hashable, Codable {
    /// Stable id, also the journal file name without `.md`: `YYYY-MM-DD-slug`.
    public var id: String
    public var title: String
    /// `YYYY-MM-DD`.
    public var date: String
    /// Where the date came from: `front-matter`, `title`, `field`, `file-name` or `none`.
    public var dateSource: String
    /// Path of the note as the user gave it when it was ingested (or its journal path).
    public var source: String
    /// SHA-256 of the note's bytes, hex.
    public var hash: String
    public var tags: [String]
    /// Bold `**Label**: value` header fields (Focus, Outcome, ...), by label.
    public var fields: [String: String]
    public var findings: [Finding]
    public var friction: [Friction]
    public var completed: [Completed]
    public var remaining: [Remaining]
    public var updates: [Update]
    public var takeaways: [Takeaway]
    /// Sections and items the extractor could not classify (for `insights check`).
    public var unclassified: [Diagnostic]
    /// The lines of a multi-entry log this session was read from; nil when it is the whole note.
    public var entry: LogEntry?

    public init(id: String = "", title: String = "", date: String = "", dateSource: String = "none",
                source: String = "", hash: String = "", tags: [String] = [], fields: [String: String] = [:],
                findings: [Finding] = [], friction: [Friction] = [], completed: [Completed] = [],
                remaining: [Remaining] = [], updates: [Update] = [], takeaways: [Takeaway] = [],
                unclassified: [Diagnostic] = [], entry: LogEntry? = nil) {
        self.id = id; self.title = title; self.date = date; self.dateSource = dateSource
        self.source = source; self.hash = hash; self.tags = tags; self.fields = fields
        self.findings = findings; self.friction = friction; self.completed = completed
        self.remaining = remaining; self.updates = updates; self.takeaways = takeaways
        self.unclassified = unclassified
        self.entry = entry
    }

    enum CodingKeys: String, CodingKey {
        case id, title, date, dateSource = "date_source", source, hash, tags, fields, findings, friction,
             completed, remaining, updates, takeaways, unclassified, entry
    }
}

/// A finding: something learned, discovered or gone wrong, with its labelled fields.
///
/// `### 1. Migration Tracking is Broken (P0 BLOCKER)` under `## Technical Findings` →
/// `Finding(title: "Migration Tracking is Broken", category: "technical", severity: "P0 BLOCKER", ...)`.
public struct Finding: Sendable, Hashable, Codable {
    public var title: String
    /// `technical`, `process`, `problem`, `learning`, ... (from the section's vocabulary), or `general`.
    public var category: String
    public var severity: String?
    /// Labelled fields (`**Root Cause**: ...`) as label → Markdown text.
    public var fields: [String: String]
    /// The finding's whole Markdown text below its title.
    public var text: String
    public var line: Int
    /// The section heading it was found under.
    public var section: String

    public init(title: String, category: String, severity: String? = nil, fields: [String: String] = [:],
                text: String = "", line: Int, section: String = "") {
        self.title = title; self.category = category; self.severity = severity; self.fields = fields
        self.text = text; self.line = line; self.section = section
    }
}

/// One row of a friction table: the problem, what was done, what should have been done.
///
/// `| Migration push failed | Tried workarounds | Document blocker |` under
/// `| Friction | My Response | Correct Response |` → `Friction(problem: "Migration push failed", response: "Tried workarounds", correction: "Document blocker", ...)`.
public struct Friction: Sendable, Hashable, Codable {
    public var problem: String
    public var response: String
    public var correction: String
    /// The table's header cells, as written.
    public var header: [String]
    public var line: Int
    public var section: String

    public init(problem: String, response: String = "", correction: String = "", header: [String] = [], line: Int, section: String = "") {
        self.problem = problem; self.response = response; self.correction = correction
        self.header = header; self.line = line; self.section = section
    }
}

/// A piece of work reported done.
public struct Completed: Sendable, Hashable, Codable {
    public var title: String
    /// The status as written (`✅ Complete`, `Done`, `[x]`).
    public var status: String
    public var note: String
    public var line: Int
    public var section: String

    public init(title: String, status: String, note: String = "", line: Int, section: String = "") {
        self.title = title; self.status = status; self.note = note; self.line = line; self.section = section
    }
}

/// A remaining-work item: what is still to do, with its priority and dependencies.
///
/// `2. **Apply gamification config tables migration** - Blocked by #1` under `### P0 - Blockers` →
/// `Remaining(number: 2, title: "Apply gamification config tables migration", priority: "P0", dependsOn: [1], ...)`.
public struct Remaining: Sendable, Hashable, Codable {
    /// The item's number as written in an ordered list, if any.
    public var number: Int?
    public var title: String
    public var detail: String
    /// The priority as written (`P0`, `High`, `🔴`), nil when none.
    public var priority: String?
    /// The priority's rank for sorting: 0 (P0, Critical) ... 3 (P3, Low), nil when none.
    public var priorityRank: Int?
    /// Numbers of items of the same note this one depends on.
    public var dependsOn: [Int]
    /// Free-text dependencies (`after X`) that do not name a number.
    public var dependsOnText: [String]
    public var line: Int
    public var section: String

    public init(number: Int? = nil, title: String, detail: String = "", priority: String? = nil, priorityRank: Int? = nil,
                dependsOn: [Int] = [], dependsOnText: [String] = [], line: Int, section: String = "") {
        self.number = number; self.title = title; self.detail = detail; self.priority = priority
        self.priorityRank = priorityRank
        self.dependsOn = dependsOn; self.dependsOnText = dependsOnText; self.line = line; self.section = section
    }

    enum CodingKeys: String, CodingKey {
        case number, title, detail, priority, priorityRank = "priority_rank", dependsOn = "depends_on", dependsOnText = "depends_on_text", line, section
    }
}

/// A later "Update" section of a note, and the remaining items it resolves.
public struct Update: Sendable, Hashable, Codable {
    public var title: String
    public var status: String?
    /// Titles of the note's remaining items this update resolves.
    public var resolves: [String]
    public var text: String
    public var line: Int

    public init(title: String, status: String? = nil, resolves: [String] = [], text: String = "", line: Int) {
        self.title = title; self.status = status; self.resolves = resolves; self.text = text; self.line = line
    }
}

/// A key takeaway or lesson.
public struct Takeaway: Sendable, Hashable, Codable {
    public var title: String
    public var text: String
    public var line: Int

    public init(title: String, text: String, line: Int) {
        self.title = title; self.text = text; self.line = line
    }
}

/// Something `insights check` reports: a line and what to do about it.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var line: Int
    public var message: String
    public var hint: String

    public init(line: Int, message: String, hint: String) {
        self.line = line; self.message = message; self.hint = hint
    }
}

/// A part of a session that a reader of many sessions may want alone (the site's findings and friction pages).
public enum SessionPart: Sendable {
    case findings, friction
}
