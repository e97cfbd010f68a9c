import Foundation

/// The formats `insights tasks --export` writes, and the one entry point that renders them.
///
/// `TaskExportFormat.csv.render(tasks, context)` → `"id,title,priority,status,...\r\n..."`.
public enum TaskExportFormat: String, Sendable, CaseIterable {
    case json, csv, markdown, todotxt, taskwarrior, github, archon

    /// What exporters need beyond the tasks: where each session's note is, and Archon's project.
    public struct Context: Sendable {
        /// Session id → a link to its note (a path or URL); sessions without one are named, not linked.
        public var links: [String: String]
        public var archonProject: String
        public var assignee: String

        public init(links: [String: String] = [:], archonProject: String = "", assignee: String = "User") {
            self.links = links; self.archonProject = archonProject; self.assignee = assignee
        }

        func link(_ session: String) -> String? { links[session] }
    }

    /// The whole export as text (ending with a newline).
    public func render(_ tasks: [TrackedTask], _ context: Context = Context()) throws -> String {
        switch self {
        case .json: return try TaskJSON.encode(tasks) + "\n"
        case .csv: return TaskCSV.render(tasks)
        case .markdown: return TaskMarkdown.render(tasks, context)
        case .todotxt: return TodoTxt.render(tasks)
        case .taskwarrior: return try TaskJSON.encode(TaskwarriorExport.records(tasks)) + "\n"
        case .github: return try TaskJSON.encode(GitHubIssues.records(tasks, context)) + "\n"
        case .archon: return try TaskJSON.encode(ArchonTasks.records(tasks, context)) + "\n"
        }
    }
}

/// Pretty, key-sorted JSON for exports.
enum TaskJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(value), as: UTF8.self)
    }
}

extension TrackedTask {
    /// `"2026-09-03-session-insights L126 (open): Repair migration history"`: one mention, for evidence text.
    static func describe(_ m: TaskMention) -> String {
        "\(m.session.isEmpty ? m.date : m.session) L\(m.line) (\(m.kind.rawValue)): \(m.text)"
    }
}
