/// A choice a user pinned about tasks, kept in the journal so it survives reindex.
///
/// `{"action": "merge", "task": "T-1a2b3c", "into": "T-4d5e6f", "date": "2026-10-21"}` folds the first task's
/// mentions into the second; `split` (with `session` and `line`) makes one mention start its own task;
/// `close` and `reopen` override the status from `date` on, until a later note says otherwise.
public struct TaskDecision: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable { case merge, split, close, reopen }

    public var action: Action
    /// The task the decision is about.
    public var task: String
    /// `merge`: the task that absorbs `task`.
    public var into: String?
    /// `split`: the mention to take out, by session and line.
    public var session: String?
    public var line: Int?
    /// When it was decided (`YYYY-MM-DD`); for `close`, the resolution date.
    public var date: String

    public init(action: Action, task: String, into: String? = nil, session: String? = nil, line: Int? = nil, date: String) {
        self.action = action; self.task = task; self.into = into; self.session = session; self.line = line; self.date = date
    }
}

/// The journal's `task-decisions.json`: every pinned decision, oldest first.
public struct TaskDecisions: Sendable, Hashable, Codable {
    public var version: Int
    public var decisions: [TaskDecision]

    public init(decisions: [TaskDecision] = []) { version = 1; self.decisions = decisions }
}
