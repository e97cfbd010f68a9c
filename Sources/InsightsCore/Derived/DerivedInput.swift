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

    /// The work items of each session, in the order given, and every failure candidate in the order the
    /// clusterer reads them (sessions by date then id, each session's in note order; see
    /// `FailureClusterer.grouping(ordered:decisions:)`). Each session's candidates are let go as they are
    /// copied, so the two never both exist (they were 22 MB at 50,000 notes).
    public static func split(_ inputs: consuming [DerivedInput]) -> (tasks: [TaskInput], candidates: [FailureCandidate]) {
        let tasks = inputs.map(\.tasks)
        inputs.sort { ($0.date, $0.id) < ($1.date, $1.id) }
        var candidates: [FailureCandidate] = []
        candidates.reserveCapacity(inputs.reduce(0) { $0 + $1.candidates.count })
        for i in inputs.indices {
            candidates += inputs[i].candidates
            inputs[i].candidates = []
        }
        return (tasks, candidates)
    }
}
