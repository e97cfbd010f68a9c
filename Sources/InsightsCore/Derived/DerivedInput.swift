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
        var candidates: [FailureCandidate] = []
        candidates.reserveCapacity(inputs.reduce(0) { $0 + $1.candidates.count })
        for i in inputs.indices {
            candidates += inputs[i].candidates
            inputs[i].candidates = []
        }
        return candidates
    }

    /// `candidates`, made of each session's in turn (`sessions`: date, id and the range of its candidates), in
    /// the order `candidates(taking:)` gives: sessions by date then id. Read in SQLite's byte order of date and
    /// id, they already are, unless an id's characters compare otherwise in Swift (then they are put in order).
    public static func inClustererOrder(_ candidates: [FailureCandidate],
                                        sessions: [(date: String, id: String, candidates: Range<Int>)]) -> [FailureCandidate] {
        let isOrdered = zip(sessions, sessions.dropFirst()).allSatisfy { a, b in !((b.date, b.id) < (a.date, a.id)) }
        guard !isOrdered else { return candidates }
        return sessions.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.flatMap { candidates[$0.candidates] }
    }
}
