import Foundation
import InsightsCore

extension Journal {
    /// Where pinned task decisions live: `journal/task-decisions.json`, beside the notes (not in the index).
    public var taskDecisionsPath: String { path + "/task-decisions.json" }

    /// The pinned task decisions, or none when the file does not exist.
    public func taskDecisions() throws -> TaskDecisions {
        guard FileManager.default.fileExists(atPath: taskDecisionsPath) else { return TaskDecisions() }
        do {
            return try JSONDecoder().decode(TaskDecisions.self, from: Data(contentsOf: URL(fileURLWithPath: taskDecisionsPath)))
        } catch let error as DecodingError {
            throw StoreError.invalidConfig(path: taskDecisionsPath, reason: "not valid task-decisions.json (\(Self.describe(error)))")
        } catch {
            throw StoreError.io(path: taskDecisionsPath, reason: "cannot read (\(error.localizedDescription))")
        }
    }

    /// Writes the decisions atomically (pretty JSON, one trailing newline, diff-friendly).
    public func writeTaskDecisions(_ decisions: TaskDecisions) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try AtomicFile.write(try e.encode(decisions) + Data("\n".utf8), to: taskDecisionsPath)
    }

    /// Appends one decision to the file.
    public func pin(_ decision: TaskDecision) throws {
        var all = try taskDecisions()
        all.decisions.append(decision)
        try writeTaskDecisions(all)
    }
}
