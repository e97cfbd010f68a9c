import ArgumentParser
import Foundation
import Testing
@testable import InsightsCLI

/// Runs `insights` commands in-process and returns their exit code.
enum CLI {
    static func run(_ arguments: [String]) async -> Int32 {
        do {
            var command = try InsightsCommand.parseAsRoot(arguments)
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return InsightsCommand.exitCode(for: error).rawValue
        }
    }
}

/// A temporary folder removed when the test ends.
final class TempDir {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "insights-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `contents` to `name` inside the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        try write(name, Data(contents.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let p = path + "/" + name
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: p))
        return p
    }

    func files(in sub: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + sub)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}
