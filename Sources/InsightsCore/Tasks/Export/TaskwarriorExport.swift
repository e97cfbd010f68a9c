/// Tasks as JSON records `task import` accepts, with a uuid derived from the task id so a second import
/// updates the same tasks instead of adding new ones.
///
/// A done P1 task → `{"uuid": "…", "description": "…", "status": "completed", "entry": "20260903T000000Z",
/// "end": "20260929T000000Z", "priority": "H", "tags": ["insights"], "annotations": [...]}`.
public enum TaskwarriorExport {
    public struct Record: Sendable, Codable, Hashable {
        public struct Annotation: Sendable, Codable, Hashable {
            public var entry: String
            public var description: String
        }
        public var uuid: String
        public var description: String
        public var status: String
        public var entry: String
        public var end: String?
        public var priority: String?
        public var tags: [String]
        public var annotations: [Annotation]
    }

    public static func records(_ tasks: [TrackedTask]) -> [Record] {
        tasks.map { t in
            let entry = timestamp(t.firstSeen)
            var tags = ["insights"] + t.tags.map(tag)
            if t.status == .blocked { tags.append("blocked") }
            var seen = Set<String>()
            tags = tags.filter { !$0.isEmpty && seen.insert($0).inserted }
            return Record(uuid: TaskID.uuid(t.id),
                          description: "\(t.title.replacingOccurrences(of: "\n", with: " ")) [\(t.id)]",
                          status: t.status == .done ? "completed" : "pending",
                          entry: entry,
                          end: t.status == .done ? timestamp(t.resolvedOn ?? t.lastSeen) : nil,
                          priority: t.priorityRank.map { $0 <= 1 ? "H" : $0 == 2 ? "M" : "L" },
                          tags: tags,
                          annotations: t.mentions.map { Record.Annotation(entry: timestamp($0.date), description: "insights: " + TrackedTask.describe($0)) })
        }
    }

    /// `2026-09-03` → `20260903T000000Z` (midnight UTC); anything else → the Unix epoch.
    static func timestamp(_ date: String) -> String {
        let digits = date.filter(\.isNumber)
        return (digits.count == 8 ? digits : "19700101") + "T000000Z"
    }

    /// A tag without spaces or characters Taskwarrior reads as operators.
    static func tag(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
    }
}
