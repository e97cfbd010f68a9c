import Foundation
import InsightsCore

/// The pinned failure-grouping decisions of a journal, kept in `failure-decisions.json` beside the notes so
/// they survive reindex.
///
/// `{"decisions": [{"action": "split", "occurrences": ["2026-09-29-session-insights#127"], "date": "2026-10-21"}]}`
/// → `[FailureDecision(action: .split, occurrences: ["2026-09-29-session-insights#127"], date: "2026-10-21")]`.
public struct FailureDecisions: Sendable {
    public let journal: Journal

    public init(_ journal: Journal) { self.journal = journal }

    public var path: String { journal.path + "/failure-decisions.json" }

    private struct File: Codable { var decisions: [FailureDecision] }

    /// Every decision in the order they were made; none when the file does not exist.
    public func load() throws -> [FailureDecision] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        do {
            return try JSONDecoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: path))).decisions
        } catch let error as DecodingError {
            throw StoreError.invalidConfig(path: path, reason: "not a valid decisions file (\(Journal.describe(error))); fix or delete it")
        } catch {
            throw StoreError.io(path: path, reason: "cannot read (\(error.localizedDescription))")
        }
    }

    /// Replaces the file atomically.
    public func save(_ decisions: [FailureDecision]) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try AtomicFile.write(try e.encode(File(decisions: decisions)) + Data("\n".utf8), to: path)
    }

    /// Appends one decision.
    public func append(_ decision: FailureDecision) throws {
        try save(try load() + [decision])
    }
}
