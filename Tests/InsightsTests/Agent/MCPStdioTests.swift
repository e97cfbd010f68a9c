import Foundation
import Testing
import InsightsStore
@testable import InsightsCLI

/// `insights mcp` as an agent runs it: the built binary, JSON-RPC lines on a real stdin/stdout pipe.
@Suite("mcp server over stdio", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct MCPStdioTests {
    /// The built binary serving `journal`; collects stdout lines and waits for answers with a timeout.
    final class Session: @unchecked Sendable {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        private let lock = NSLock()
        private var buffer = Data()
        private var stderr = Data()
        private var lines: [[String: Any]] = []

        init(journal: Journal, arguments: [String] = []) throws {
            process.executableURL = URL(fileURLWithPath: try AgentFixtures.binary())
            process.arguments = ["mcp", "--journal", journal.path] + arguments
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errors
            output.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                self?.append(data)
            }
            errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self else { return }
                self.lock.withLock { self.stderr.append(data) }
            }
            try process.run()
        }

        private func append(_ data: Data) {
            lock.lock(); defer { lock.unlock() }
            buffer.append(data)
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                if let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] { lines.append(object) }
            }
        }

        func send(_ json: String) {
            input.fileHandleForWriting.write(Data((json + "\n").utf8))
        }

        /// The response with `id`, waiting up to `timeout` seconds (generous: the suite may run on a loaded machine).
        func response(_ id: Int, timeout: Double = 60) async throws -> [String: Any] {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if let found = (lock.withLock { lines.first { $0["id"] as? Int == id } }) { return found }
                try await Task.sleep(for: .milliseconds(20))
            }
            let state = lock.withLock { (lines.count, String(decoding: stderr, as: UTF8.self)) }
            throw CLIError.failure("no response to request \(id) within \(timeout) s (running: \(process.isRunning), \(state.0) lines so far, stderr: \(state.1))")
        }

        /// Closes stdin and waits for the process to exit; returns its status (nil on timeout, after killing it).
        func finish(timeout: Double = 60) async throws -> Int32? {
            try input.fileHandleForWriting.close()
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            if process.isRunning { process.terminate(); return nil }
            output.fileHandleForReading.readabilityHandler = nil
            errors.fileHandleForReading.readabilityHandler = nil
            return process.terminationStatus
        }

        var responseCount: Int { lock.withLock { lines.count } }
    }

    static func call(_ id: Int, _ tool: String, _ arguments: String = "{}") -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"\#(tool)","arguments":\#(arguments)}}"#
    }

    static func text(_ response: [String: Any]) throws -> [String: Any] {
        let result = try #require(response["result"] as? [String: Any], "\(response)")
        #expect(result["isError"] as? Bool == false)
        let text = try #require((result["content"] as? [[String: Any]])?.first?["text"] as? String)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("initialize, tools/list, every tool and bad calls over a real pipe; exits 0 when stdin closes")
    func pipe() async throws {
        let (dir, journal) = try AgentFixtures.corpusJournal()
        defer { withExtendedLifetime(dir) {} }
        let index = try journal.openIndex(readOnly: true)
        let taskID = try #require(try index.tasks().first { $0.title == "Create audit log table" }?.id)
        let failureID = try #require(try index.failures().first { $0.title.contains("Delegat") }?.id)

        let s = try Session(journal: journal)
        s.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"pipe-test","version":"1"}}}"#)
        let initialized = try await s.response(1)
        let result = try #require(initialized["result"] as? [String: Any])
        #expect((result["serverInfo"] as? [String: Any])?["name"] as? String == "insights")
        s.send(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
        s.send(#"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#)
        let tools = try #require(((try await s.response(2))["result"] as? [String: Any])?["tools"] as? [[String: Any]])
        #expect(tools.compactMap { $0["name"] as? String } == ["search", "brief", "list_tasks", "get_task", "list_failures", "get_failure", "get_session"])

        s.send(Self.call(3, "search", #"{"query":"delegating","limit":3}"#))
        s.send(Self.call(4, "brief"))
        s.send(Self.call(5, "list_tasks", #"{"status":"open","priority":"P0"}"#))
        s.send(Self.call(6, "get_task", #"{"id":"\#(taskID)"}"#))
        s.send(Self.call(7, "list_failures"))
        s.send(Self.call(8, "get_failure", #"{"id":"\#(failureID)"}"#))
        s.send(Self.call(9, "get_session", #"{"id":"2025-12-17-session-insights"}"#))
        s.send(Self.call(10, "no_such_tool"))
        s.send(Self.call(11, "get_session"))
        s.send(Self.call(12, "get_task", #"{"id":"T-ffffff"}"#))
        s.send(#"{"jsonrpc":"2.0","id":13,"method":"resources/list"}"#)
        s.send("this is not json")

        let search = try Self.text(try await s.response(3))
        #expect((search["results"] as? [[String: Any]])?.first?["title"] as? String == "Orchestrator Executed Instead of Delegating")
        let brief = try Self.text(try await s.response(4))
        #expect((brief["open_tasks"] as? [[String: Any]])?.first?["title"] as? String == "Apply gamification config tables migration")
        let p0 = try Self.text(try await s.response(5))
        #expect((p0["items"] as? [[String: Any]])?.compactMap { $0["title"] as? String }.contains("Apply gamification config tables migration") == true)
        #expect(try Self.text(try await s.response(6))["title"] as? String == "Create audit log table")
        #expect(try Self.text(try await s.response(7))["total"] as? Int ?? 0 >= 1)
        #expect(try Self.text(try await s.response(8))["id"] as? String == failureID)
        #expect(try Self.text(try await s.response(9))["date"] as? String == "2025-12-17")
        for (id, message) in [(10, "unknown tool 'no_such_tool'"), (11, "missing required argument 'id'"), (12, "no task with id 'T-ffffff'")] {
            let error = try #require((try await s.response(id))["error"] as? [String: Any], "request \(id)")
            #expect(error["code"] as? Int == -32602)
            #expect((error["message"] as? String)?.contains(message) == true, "\(error)")
        }
        #expect(((try await s.response(13))["error"] as? [String: Any])?["code"] as? Int == -32601)
        #expect(try await s.finish() == 0)
        for _ in 0..<250 where s.responseCount < 14 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(s.responseCount == 14, "13 answers and one parse error")
    }

    @Test("requests written just before stdin closes are all answered before the server exits")
    func drain() async throws {
        let (dir, journal) = try AgentFixtures.corpusJournal([Corpus.seed])
        defer { withExtendedLifetime(dir) {} }
        let s = try Session(journal: journal)
        s.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"pipe-test","version":"1"}}}"#)
        for id in 2...9 { s.send(Self.call(id, "search", #"{"query":"migration"}"#)) }
        #expect(try await s.finish() == 0)
        for id in 1...9 { _ = try await s.response(id, timeout: 1) }
    }

    @Test("`insights mcp` without insights-mcp beside it or on PATH: one line saying how to get it, exit 1")
    func serverMissing() throws {
        let dir = try TempDir()
        let lonely = dir.path + "/insights"
        try FileManager.default.copyItem(atPath: try AgentFixtures.binary(), toPath: lonely)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lonely)
        process.arguments = ["mcp", "--journal", dir.path + "/j"]
        process.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 1)
        #expect(message.contains("insights-mcp is not installed beside insights"), "\(message)")
        #expect(message.contains("--product insights-mcp"))
    }
}
