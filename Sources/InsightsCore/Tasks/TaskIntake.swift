/// The work items of sessions taken in one at a time for `TaskTracker.track(_:)`: each title's stemmed words go
/// straight into the tracker's shape store as word ids, so the words of every title are never all held (at
/// 50,000 generated notes they were 52 MB of the recompute's peak, read with the items and dropped later), and
/// the items are kept compact (`IntakeSession`).
///
/// Sessions may come in any order; taken in the tracker's (date, then id), their words are numbered as the
/// tracker numbers them, and the tasks are the same as `TaskTracker.tasks(from:)`'s of the same sessions.
public struct TaskIntake: Sendable {
    var similarity = TaskSimilarity()
    var store = TaskSimilarity.ShapeStore()
    /// The sessions taken in, compact, their titles in `text`.
    var sessions: [IntakeSession] = []
    var text = TitleText()
    /// Per session: the position of its first item's shape in `store` (remaining items, then completed).
    var firstShape: [Int] = []

    public init() {}

    /// Room for `sessions` sessions of `items` remaining and completed items in all.
    public mutating func reserve(sessions n: Int, items: Int) {
        sessions.reserveCapacity(n); firstShape.reserveCapacity(n); store.reserve(items)
        text.reserve(items * 48)  // titles run to about 48 bytes
    }

    /// Takes in one session's work items.
    public mutating func add(_ session: consuming TaskInput) {
        firstShape.append(store.count)
        for r in session.remaining { store.append(similarity.shape(of: r.forms)) }
        for c in session.completed { store.append(similarity.shape(of: c.forms)) }
        sessions.append(IntakeSession(session, text: &text))
    }

    /// Puts the sessions in the tracker's order (date, then id), when they did not come in it.
    mutating func order() {
        let isOrdered = zip(sessions, sessions.dropFirst()).allSatisfy { a, b in !((b.date, b.id) < (a.date, a.id)) }
        guard !isOrdered else { return }
        let order = sessions.indices.sorted { (sessions[$0].date, sessions[$0].id) < (sessions[$1].date, sessions[$1].id) }
        sessions = order.map { sessions[$0] }
        firstShape = order.map { firstShape[$0] }
    }
}

extension TaskInput {
    /// This input, leaving an empty one with its id and date in its place (so the one taken is held once).
    public mutating func taken() -> TaskInput {
        var out = TaskInput(id: id, date: date)
        swap(&out, &self)
        return out
    }
}
