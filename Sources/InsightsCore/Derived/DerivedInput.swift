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
}
