/// What tasks and recurring failures are computed from, for one session: its work items (`TaskInput`) and its
/// failure candidates. The index keeps one per session (see `DerivedInput+Bytes`), so recomputing tasks and
/// failures after an ingest reads these instead of decoding every session.
///
/// `DerivedInput(referenceNote)` → 12 remaining items and 14 candidates (7 findings, 6 friction rows, 1 takeaway).
public struct DerivedInput: Sendable, Hashable {
    public var tasks: TaskInput
    public var candidates: [FailureCandidate]

    public var id: String { tasks.id }
    public var date: String { tasks.date }

    public init(tasks: TaskInput, candidates: [FailureCandidate]) {
        self.tasks = tasks; self.candidates = candidates
    }

    public init(_ session: Session) {
        self.init(tasks: TaskInput(session), candidates: FailureCandidates.from(session))
    }

    /// Every failure candidate, in the order the clusterer reads them (sessions by date then id, each session's
    /// in note order; see `FailureClusterer.grouping(ordered:decisions:)`), moved out of `inputs`, which are left
    /// sorted the same way and without candidates.
    public static func candidates(taking inputs: inout [DerivedInput]) -> [FailureCandidate] {
        inputs.sort { ($0.date, $0.id) < ($1.date, $1.id) }
        var list = CandidateList()
        for i in inputs.indices { list.take(from: &inputs[i]) }
        return list.takeOrdered()
    }
}

/// Failure candidates gathered a session at a time, moved out of each input, then given in the clusterer's
/// order: sessions by date then id, each session's in note order. Gathered in SQLite's byte order of date and
/// id (as the recompute reads them) they already are, unless an id's characters compare otherwise in Swift;
/// then the sessions are put in order.
public struct CandidateList: Sendable {
    private var all: [FailureCandidate] = []
    private var sessions: [(date: String, id: String, candidates: Range<Int>)] = []

    public init() {}

    /// Moves `input`'s candidates to the end of the list.
    public mutating func take(from input: inout DerivedInput) {
        let start = all.count
        all += input.candidates
        input.candidates = []
        sessions.append((input.date, input.id, start..<all.count))
    }

    /// The candidates gathered, in the clusterer's order, moved out: the list is left empty (so that they are
    /// held once, and go once clustered).
    public mutating func takeOrdered() -> [FailureCandidate] {
        var taken: [FailureCandidate] = []
        swap(&taken, &all)
        defer { sessions = [] }
        let isOrdered = zip(sessions, sessions.dropFirst()).allSatisfy { a, b in !((b.date, b.id) < (a.date, a.id)) }
        guard !isOrdered else { return taken }
        return sessions.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.flatMap { taken[$0.candidates] }
    }
}
