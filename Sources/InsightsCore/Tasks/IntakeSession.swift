/// A session's work items as the tracker keeps them until its tasks are made: the titles live in one shared
/// `TitleText` and each item is a few numbers beside them. At 50,000 generated notes, 463,000 items as
/// `TaskInput.Item`s (96 bytes, and a heap string per title) were 117 MB of a cold ingest's peak.
struct IntakeSession: Sendable {
    /// A remaining item.
    struct Open: Sendable {
        var title: TitleText.Ref
        var line: Int32
        /// The priority's rank (0 = P0 ... 3), -1 when none.
        var rank: Int8
        var number: Int?
        var priority: String?
        var dependsOn: [Int]

        var priorityRank: Int? { rank < 0 ? nil : Int(rank) }
    }

    /// A completed item.
    struct Done: Sendable {
        var title: TitleText.Ref
        var line: Int32
    }

    var id: String
    var date: String
    var tags: [String]
    var remaining: [Open]
    var completed: [Done]
    var updates: [TaskInput.Resolution]

    /// `input`'s items, their titles added to `text`.
    init(_ input: TaskInput, text: inout TitleText) {
        id = input.id; date = input.date; tags = input.tags; updates = input.updates
        remaining = input.remaining.map { r in
            Open(title: text.add(r.title), line: Int32(clamping: r.line), rank: Int8(clamping: r.priorityRank ?? -1),
                 number: r.number, priority: r.priority, dependsOn: r.dependsOn)
        }
        completed = input.completed.map { c in Done(title: text.add(c.title), line: Int32(clamping: c.line)) }
    }
}

/// Titles one after another in one UTF-8 buffer, each known by where it is.
struct TitleText: Sendable {
    struct Ref: Sendable {
        var start: UInt32
        var count: UInt32
    }

    private var bytes: [UInt8] = []

    mutating func reserve(_ n: Int) { bytes.reserveCapacity(n) }

    mutating func add(_ title: String) -> Ref {
        let ref = Ref(start: UInt32(bytes.count), count: UInt32(title.utf8.count))
        bytes.append(contentsOf: title.utf8)
        return ref
    }

    func string(_ ref: Ref) -> String {
        bytes.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[Int(ref.start)..<Int(ref.start) + Int(ref.count)]), as: UTF8.self)
        }
    }
}
