/// What the task tracker reads of one session: its remaining and completed work and the items its updates
/// resolve, nothing else (a finding's text or a friction table never makes a task).
///
/// The reference note → 12 remaining items (priorities P0–P3, "Blocked by #1"), its completed rows, and one
/// update resolving "Fix migration tracking".
public struct TaskInput: Sendable, Hashable {
    /// A remaining item.
    public struct Item: Sendable, Hashable {
        public var number: Int?
        public var title: String
        public var priority: String?
        public var priorityRank: Int?
        public var dependsOn: [Int]
        public var line: Int
        /// The title's comparable words, worked out when the note is read.
        public var forms: TitleForms

        public init(number: Int?, title: String, priority: String?, priorityRank: Int?, dependsOn: [Int], line: Int,
                    forms: TitleForms? = nil) {
            self.number = number; self.title = title; self.priority = priority; self.priorityRank = priorityRank
            self.dependsOn = dependsOn; self.line = line; self.forms = forms ?? TaskSimilarity.forms(of: title)
        }
    }

    /// A completed item.
    public struct Done: Sendable, Hashable {
        public var title: String
        public var line: Int
        public var forms: TitleForms

        public init(title: String, line: Int, forms: TitleForms? = nil) {
            self.title = title; self.line = line; self.forms = forms ?? TaskSimilarity.forms(of: title)
        }
    }

    /// An update and the titles of the remaining items it resolves.
    public struct Resolution: Sendable, Hashable {
        public var title: String
        public var resolves: [String]
        public var line: Int

        public init(title: String, resolves: [String], line: Int) { self.title = title; self.resolves = resolves; self.line = line }
    }

    public var id: String
    public var date: String
    public var tags: [String]
    public var remaining: [Item]
    public var completed: [Done]
    public var updates: [Resolution]

    public init(id: String, date: String, tags: [String] = [], remaining: [Item] = [], completed: [Done] = [],
                updates: [Resolution] = []) {
        self.id = id; self.date = date; self.tags = tags; self.remaining = remaining; self.completed = completed
        self.updates = updates
    }

    public init(_ s: Session) {
        self = TaskSimilarity.StemCache.ofThisThread.with { stems in TaskInput(s, stems: &stems) }
    }

    /// Stemming through `stems`, which the notes read on one thread share (most words of a journal's titles
    /// recur from note to note).
    init(_ s: Session, stems: inout TaskSimilarity.StemCache) {
        self.init(id: s.id, date: s.date, tags: s.tags,
                  remaining: s.remaining.map {
                      Item(number: $0.number, title: $0.title, priority: $0.priority, priorityRank: $0.priorityRank,
                           dependsOn: $0.dependsOn, line: $0.line, forms: TaskSimilarity.forms(of: $0.title, stems: &stems))
                  },
                  completed: s.completed.map { Done(title: $0.title, line: $0.line, forms: TaskSimilarity.forms(of: $0.title, stems: &stems)) },
                  updates: s.updates.map { Resolution(title: $0.title, resolves: $0.resolves, line: $0.line) })
    }
}
