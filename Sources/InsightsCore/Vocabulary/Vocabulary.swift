import Foundation

/// The words extraction looks for: section names, table headers, status and priority words.
///
/// Defaults cover the styles in real notes; a journal may add words in `insights.json`
/// (`{"vocabulary": {"sections": {"remaining": ["parking lot"]}}}`), merged over these defaults.
/// All matching is on lowercased text with punctuation and emoji removed.
public struct Vocabulary: Sendable, Hashable, Codable {
    /// Section kind → phrases that name such a section. The longest phrase found in a heading wins.
    public private(set) var sections: [String: [String]]
    /// Finding section phrase → finding category.
    public private(set) var findingCategories: [String: String]
    /// Friction table column meaning (`problem`, `response`, `correction`) → header phrases.
    public private(set) var frictionColumns: [String: [String]]
    /// Table column meaning (`title`, `status`, `priority`, `note`) → header phrases.
    public private(set) var tableColumns: [String: [String]]
    /// Status words that mean done.
    public private(set) var doneWords: [String]
    /// Status words that mean still open.
    public private(set) var openWords: [String]
    /// Priority word → rank 0...3 (`p0`→0, `high`→1, `🔴`→1, ...).
    public private(set) var priorities: [String: Int]
    /// The phrases above, normalized and split into words once.
    public private(set) var phrases: PhraseIndex!
    /// The priority words that are ASCII and up to 16 bytes, packed (see `priorityRank(ascii:)`).
    private var shortPriorities: [ShortPriority] = []

    private struct ShortPriority: Sendable, Hashable {
        var word: ShortWord
        var rank: Int
    }

    public init(sections: [String: [String]], findingCategories: [String: String],
                frictionColumns: [String: [String]], tableColumns: [String: [String]],
                doneWords: [String], openWords: [String], priorities: [String: Int]) {
        self.sections = sections; self.findingCategories = findingCategories
        self.frictionColumns = frictionColumns; self.tableColumns = tableColumns
        self.doneWords = doneWords; self.openWords = openWords
        self.priorities = Dictionary(priorities.map { (Self.normalize($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.phrases = PhraseIndex(self)
        self.shortPriorities = Self.shortPriorities(self.priorities)
    }

    private static func shortPriorities(_ priorities: [String: Int]) -> [ShortPriority] {
        priorities.compactMap { word, rank in ShortWord(normalizing: word.utf8).map { ShortPriority(word: $0, rank: rank) } }
    }

    /// `priorities[Vocabulary.normalize(word)]` for an ASCII word, read on its bytes: `.some(nil)` when it names
    /// no priority, nil when its bytes cannot tell (not ASCII, or longer than 16 bytes normalized). Making,
    /// normalizing and hashing a `String` for every item's leading word was 1% of a cold ingest's instructions.
    func priorityRank(ascii word: UnsafeBufferPointer<UInt8>) -> Int?? {
        guard let key = ShortWord(normalizing: word) else { return nil }
        return .some(shortPriorities.first { $0.word == key }?.rank)
    }

    enum CodingKeys: String, CodingKey {
        case sections, findingCategories, frictionColumns, tableColumns, doneWords, openWords, priorities
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(sections: try c.decode([String: [String]].self, forKey: .sections),
                  findingCategories: try c.decode([String: String].self, forKey: .findingCategories),
                  frictionColumns: try c.decode([String: [String]].self, forKey: .frictionColumns),
                  tableColumns: try c.decode([String: [String]].self, forKey: .tableColumns),
                  doneWords: try c.decode([String].self, forKey: .doneWords),
                  openWords: try c.decode([String].self, forKey: .openWords),
                  priorities: try c.decode([String: Int].self, forKey: .priorities))
    }

    /// The built-in vocabulary.
    public static let `default` = Vocabulary(
        sections: [
            "findings": ["technical findings", "process findings", "findings", "discoveries", "discovery",
                         "what went wrong", "what didnt go well", "what did not go well", "what didnt work",
                         "what did not work", "problems", "problems encountered", "issues", "issues found",
                         "issues encountered", "learnings", "process learnings", "gotchas", "bugs found",
                         "bugs fixed", "challenges", "mistakes", "root cause", "observations", "insights",
                         "pitfalls", "errors", "root causes", "key decisions", "decisions", "architecture decisions",
                         "bug", "bugs", "known issues", "issue", "gotcha", "what didnt work", "what went poorly",
                         "where we got lucky", "surprises", "risks"],
            "completed": ["work completed", "completed work", "completed", "done", "wins", "accomplishments",
                          "accomplished", "what was done", "what got done", "shipped", "delivered",
                          "achievements", "changes made", "key changes", "what was built", "progress", "changes",
                          "task log", "also fixed", "what changed", "files created", "files modified", "files changed",
                          "key files modified", "files touched", "fixes committed", "what works", "working components", "verified working", "continued work"],
            "remaining": ["remaining work", "remaining", "next steps", "next session", "todo", "to do", "todos",
                          "open items", "open questions", "open issues", "action items", "follow ups",
                          "followups", "follow up", "future work", "outstanding", "pending", "backlog",
                          "blockers", "what's next", "whats next", "next actions", "recommendations",
                          "still to do", "not done", "open tasks", "what needs testing", "next agent should start with",
                          "goals", "immediate goals", "ideas", "ideas captured", "deferred", "parking lot", "follow-up", "checklist",
                          "next time", "start here next time", "next session priorities", "handoff"],
            "update": ["update", "updates", "addendum", "resolution"],
            "takeaways": ["key takeaway", "key takeaways", "takeaway", "takeaways", "lessons learned",
                          "lessons", "lesson", "key learnings", "key insights", "what worked", "what went well", "went well",
                          "positive notes", "highlights"],
            "reference": ["reference", "references", "related", "related documents", "related files", "stats",
                          "statistics", "metrics", "commits", "test results", "test commands", "date", "branch",
                          "links", "appendix", "by the numbers", "session metadata", "metadata", "reference files",
                          "current branch state", "git workflow", "environment", "timeline", "data", "numbers"],
            "summary": ["executive summary", "summary", "overview", "tldr", "tl dr", "session summary",
                        "session objective", "objective", "goal", "context"],
        ],
        findingCategories: [
            "technical findings": "technical", "process findings": "process", "process learnings": "process",
            "what went wrong": "problem", "what didnt go well": "problem", "what did not go well": "problem",
            "what didnt work": "problem", "what did not work": "problem", "problems": "problem",
            "problems encountered": "problem", "issues": "problem", "issues found": "problem",
            "issues encountered": "problem", "bugs found": "problem", "bugs fixed": "problem",
            "challenges": "problem", "mistakes": "problem", "pitfalls": "problem", "errors": "problem",
            "learnings": "learning", "gotchas": "learning", "discoveries": "discovery", "discovery": "discovery",
            "root cause": "problem", "root causes": "problem", "key decisions": "decision", "decisions": "decision",
            "architecture decisions": "decision", "bug": "problem", "bugs": "problem", "known issues": "problem",
            "issue": "problem", "gotcha": "learning", "what went poorly": "problem", "where we got lucky": "learning",
            "surprises": "learning", "risks": "risk", "observations": "general", "insights": "general", "findings": "general",
        ],
        frictionColumns: [
            "problem": ["friction", "friction point", "problem", "issue", "symptom", "mistake", "what went wrong",
                        "challenge", "pain point", "error", "failure", "blocker", "bug"],
            "response": ["my response", "response", "what happened", "what i did", "action taken", "workaround",
                         "what we did", "actual", "impact", "cause", "root cause"],
            "correction": ["correct response", "correct approach", "fix", "should have", "what should have happened",
                           "solution", "resolution", "lesson", "correction", "better approach", "prevention",
                           "mitigation", "fix applied", "how fixed", "resolved by", "remedy"],
        ],
        tableColumns: [
            "title": ["item", "task", "action", "action item", "title", "work", "feature", "what", "description",
                      "change", "deliverable", "step", "todo", "name", "component"],
            "status": ["status", "state", "done", "result", "outcome"],
            "priority": ["priority", "prio", "severity", "urgency"],
            "note": ["method", "notes", "note", "details", "owner", "comment", "comments", "evidence"],
        ],
        doneWords: ["✅", "✔", "✔️", "☑", "☑️", "done", "complete", "completed", "fixed", "resolved", "merged",
                    "shipped", "closed", "finished", "implemented", "deployed", "released", "verified", "passing",
                    "landed", "yes", "x"],
        openWords: ["open", "todo", "to do", "pending", "in progress", "not started", "wip", "blocked", "⏳",
                    "🔄", "⬜", "❌", "not done", "planned", "deferred", "partial", "started", "next", "no"],
        priorities: [
            "p0": 0, "p1": 1, "p2": 2, "p3": 3, "p4": 3, "critical": 0, "blocker": 0, "blockers": 0, "urgent": 0,
            "high": 1, "medium": 2, "med": 2, "normal": 2, "low": 3, "nice to have": 3,
            "🔴": 1, "🟠": 1, "🟡": 2, "🟢": 3,
        ]
    )

    /// This vocabulary with `other`'s entries added (lists appended, maps overridden key by key).
    public func merged(with other: VocabularyOverride) -> Vocabulary {
        var result = self
        for (kind, words) in other.sections ?? [:] { result.sections[kind, default: []] += words.map(Self.normalize) }
        for (phrase, category) in other.findingCategories ?? [:] { result.findingCategories[Self.normalize(phrase)] = category }
        for (meaning, words) in other.frictionColumns ?? [:] { result.frictionColumns[meaning, default: []] += words.map(Self.normalize) }
        for (meaning, words) in other.tableColumns ?? [:] { result.tableColumns[meaning, default: []] += words.map(Self.normalize) }
        result.doneWords += (other.doneWords ?? []).map(Self.normalize)
        result.openWords += (other.openWords ?? []).map(Self.normalize)
        for (word, rank) in other.priorities ?? [:] { result.priorities[Self.normalize(word)] = rank }
        result.phrases = PhraseIndex(result)
        result.shortPriorities = Self.shortPriorities(result.priorities)
        return result
    }

    /// Lowercases and keeps letters, digits, emoji status marks and single spaces: `"Next Steps:"` → `"next steps"`.
    public static func normalize(_ text: String) -> String {
        if let ascii = asciiNormalized(text) { return ascii }
        var out = ""
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar == "'" || scalar == "’" { continue }
            if Scalars.isWord(scalar) || statusMarks.contains(scalar) {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// `normalize` of all-ASCII text, by bytes (nil for other text): letters and digits are the word scalars.
    private static func asciiNormalized(_ text: String) -> String? {
        ASCII.alphanumericRuns(text, separator: 0x20, skipping: UInt8(ascii: "'"))
    }

    static let statusMarks: Set<Unicode.Scalar> = ["✅", "✔", "☑", "⏳", "🔄", "⬜", "❌", "🔴", "🟠", "🟡", "🟢"]
}

/// The part of `insights.json` that adds to the vocabulary; every key optional.
public struct VocabularyOverride: Sendable, Hashable, Codable {
    public var sections: [String: [String]]?
    public var findingCategories: [String: String]?
    public var frictionColumns: [String: [String]]?
    public var tableColumns: [String: [String]]?
    public var doneWords: [String]?
    public var openWords: [String]?
    public var priorities: [String: Int]?

    public init() {}
}

enum Scalars {
    /// Letters and digits in any script.
    static func isWord(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }
}
