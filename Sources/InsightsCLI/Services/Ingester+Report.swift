import Foundation
import InsightsCore
import InsightsStore

/// What an ingest reports: each input's outcome and counts, and the summary.
extension Ingester {
    /// What happened to one input.
    package enum Outcome: String, Codable, Sendable { case added, updated, unchanged, failed }

    package struct FileResult: Codable, Sendable {
        package var path: String
        package var status: Outcome
        package var id: String?
        package var file: String?
        package var reason: String?
        package var counts: Counts?
        /// For an entry of a multi-entry log: the lines it spans in the file (`7-36`).
        package var lines: String?
    }

    package struct Counts: Codable, Sendable {
        package var findings, friction, completed, remaining, updates, takeaways: Int
        init(_ s: Session) {
            findings = s.findings.count; friction = s.friction.count; completed = s.completed.count
            remaining = s.remaining.count; updates = s.updates.count; takeaways = s.takeaways.count
        }
    }

    package struct Report: Codable, Sendable {
        package var files: [FileResult] = []
        var sessions: [Session]?
        var added: Int { files.filter { $0.status == .added }.count }
        var updated: Int { files.filter { $0.status == .updated }.count }
        var unchanged: Int { files.filter { $0.status == .unchanged }.count }
        var failed: Int { files.filter { $0.status == .failed }.count }

        enum CodingKeys: String, CodingKey { case files, sessions, summary }
        package func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(files, forKey: .files)
            try c.encodeIfPresent(sessions, forKey: .sessions)
            try c.encode(["added": added, "updated": updated, "unchanged": unchanged, "failed": failed], forKey: .summary)
        }
        init() {}
        package init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            files = try c.decode([FileResult].self, forKey: .files)
            sessions = try c.decodeIfPresent([Session].self, forKey: .sessions)
        }
    }
}
