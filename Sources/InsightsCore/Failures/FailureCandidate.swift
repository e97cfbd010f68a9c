import Foundation

/// One thing in a note that may be a failure: a finding, a friction row, a blocker or a takeaway, with the
/// weighted text the clusterer compares and the fix written beside it.
///
/// Friction row `| Test suite takes four minutes | Pushed anyway | Run npm test before every push |` →
/// `FailureCandidate(kind: .friction, title: "Test suite takes four minutes", fixes: ["Run npm test before every push"], ...)`.
public struct FailureCandidate: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case finding, friction, blocker, takeaway
    }

    public var session: String
    public var date: String
    public var kind: Kind
    /// The finding's category (`process`, `problem`, ...); `friction`, `blocker` or `takeaway` for the others.
    public var category: String
    public var title: String
    /// The text shown for the occurrence.
    public var text: String
    public var line: Int
    /// What the clusterer compares: the title (weighted higher) and the key fields.
    public var titleText: String
    public var bodyText: String
    /// Labels of the key fields present (`Root Cause`, `What happened`, ...), normalised.
    public var labels: Set<String>
    /// Fixes and corrections written with it (Fix Required, Solution, Correct Response, a Fix column).
    public var fixes: [String]
    /// The heading it was listed under: two items the author listed side by side under one heading are, by
    /// the author's own account, two different things, so they never share a cluster.
    public var section: String
    /// For a friction row whose table judges the author's own action ("My Response" beside "Correct Response"):
    /// that action. When a finding of the same note describes the same behaviour, the row's correction is the
    /// correct response to that finding too (see `ResponseLinks`).
    public var judgedResponse: String = ""
    /// Earlier dates the text mentions ("same as 2026-09-03"): evidence it recurs a failure of that day.
    public var mentionedDates: Set<String> = []

    /// `session#line`: how pinned decisions name an occurrence.
    public var key: String { "\(session)#\(line)" }

    /// Whether the author listed both under the same heading of the same note (takeaways excepted: a
    /// takeaway list restates the failures above it).
    public func isSibling(of other: FailureCandidate) -> Bool {
        session == other.session && section == other.section && kind == other.kind && kind != .takeaway
    }

    /// Takeaways only support a cluster: on their own they are lessons, not failures.
    public var isSupporting: Bool { kind == .takeaway }

    public init(session: String, date: String, kind: Kind, category: String, title: String, text: String, line: Int,
                titleText: String, bodyText: String, labels: Set<String> = [], fixes: [String] = [], section: String = "") {
        self.session = session; self.date = date; self.kind = kind; self.category = category; self.title = title
        self.text = text; self.line = line; self.titleText = titleText; self.bodyText = bodyText
        self.labels = labels; self.fixes = fixes; self.section = section
    }

    /// The occurrence as stored in a cluster.
    public var occurrence: FailureOccurrence {
        FailureOccurrence(session: session, date: date, kind: kind.rawValue, title: title, text: text, line: line)
    }
}
