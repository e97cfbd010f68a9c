/// Tasks as Archon task-server payloads (`POST /api/tasks`): project, title, description, status, feature,
/// order and assignee.
///
/// An open P0 task → `{"project_id": "p1", "title": "Repair migration history", "status": "todo", "task_order": 100, ...}`.
public enum ArchonTasks {
    public struct Record: Sendable, Codable, Hashable {
        public var project_id: String
        public var title: String
        public var description: String
        /// `todo`, `doing`, `review` or `done`.
        public var status: String
        public var feature: String
        /// Higher first: P0 → 100, P1 → 75, P2 → 50, P3 → 25, none → 10.
        public var task_order: Int
        public var assignee: String
    }

    public static func records(_ tasks: [TrackedTask], _ context: TaskExportFormat.Context) -> [Record] {
        tasks.map { t in
            var description = "insights task \(t.id)"
            if t.status == .blocked { description += " (blocked by \(t.dependsOn.joined(separator: ", ")))" }
            description += "\n\n" + t.mentions.map { "- " + TrackedTask.describe($0) }.joined(separator: "\n")
            return Record(project_id: context.archonProject, title: t.title, description: description,
                          status: t.status == .done ? "done" : "todo", feature: t.tags.first ?? "",
                          task_order: t.priorityRank.map { max(100 - 25 * $0, 10) } ?? 10, assignee: context.assignee)
        }
    }
}
