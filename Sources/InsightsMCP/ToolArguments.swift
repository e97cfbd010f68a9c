import InsightsCLI
import MCP

/// A tool call's arguments, read with checks that turn a bad call into an `invalidParams` error.
struct ToolArguments {
    let tool: String
    let values: [String: Value]

    init(tool: String, _ values: [String: Value]?) {
        self.tool = tool
        self.values = values ?? [:]
    }

    /// A required, non-empty string.
    func string(_ key: String) throws -> String {
        guard let value = try optionalString(key), !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw MCPError.invalidParams("\(tool): missing required argument '\(key)'")
        }
        return value
    }

    /// A string when given (empty counts as not given).
    func optionalString(_ key: String) throws -> String? {
        guard let value = values[key], !value.isNull else { return nil }
        guard let s = value.stringValue else { throw MCPError.invalidParams("\(tool): '\(key)' must be a string") }
        return s.isEmpty ? nil : s
    }

    /// An integer in `range`, or `defaultValue` when not given; integral doubles and digit strings are accepted.
    func int(_ key: String, default defaultValue: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let value = values[key], !value.isNull else { return defaultValue }
        let n: Int?
        switch value {
        case .int(let i): n = i
        case .double(let d): n = d.rounded() == d && abs(d) < 1e9 ? Int(d) : nil
        case .string(let s): n = Int(s)
        default: n = nil
        }
        guard let n, range.contains(n) else {
            throw MCPError.invalidParams("\(tool): '\(key)' must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    /// Fails on argument names the tool does not know, so a typo is not silently ignored.
    func allow(_ keys: Set<String>) throws {
        if let unknown = values.keys.sorted().first(where: { !keys.contains($0) }) {
            let known = keys.isEmpty ? "it takes no arguments" : "it takes " + keys.sorted().joined(separator: ", ")
            throw MCPError.invalidParams("\(tool): unknown argument '\(unknown)'; \(known)")
        }
    }
}
