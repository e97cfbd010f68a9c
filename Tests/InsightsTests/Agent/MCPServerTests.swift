import Foundation
import MCP
import Testing
import InsightsCore
import InsightsStore
@testable import InsightsCLI
@testable import InsightsMCP

/// `insights mcp` in-process: the SDK's client talks to our server over the SDK's in-memory transport, on a
/// journal of the reference note and two corpus notes.
@Suite("mcp server in-process", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct MCPServerTests {
    /// A connected client and the journal behind the server.
    final class Harness {
        let dir: TempDir
        let journal: Journal
        let client: Client
        let server: Server
        let initialized: Initialize.Result

        init(allowIngest: Bool = false) async throws {
            (dir, journal) = try AgentFixtures.corpusJournal()
            server = await InsightsMCPServer.make(InsightsToolbox(journal: journal, isIngestAllowed: allowIngest))
            let (clientSide, serverSide) = await InMemoryTransport.createConnectedPair()
            try await server.start(transport: serverSide)
            client = Client(name: "insights-tests", version: "1.0")
            initialized = try await client.connect(transport: clientSide)
        }

        func stop() async {
            await client.disconnect()
            await server.stop()
        }

        /// Calls a tool and decodes its JSON text.
        func call(_ name: String, _ arguments: [String: Value] = [:]) async throws -> [String: Any] {
            let (content, isError) = try await client.callTool(name: name, arguments: arguments)
            #expect(isError != true, "\(name) failed: \(content)")
            guard case .text(let text, _, _)? = content.first else { Issue.record("\(name): no text content"); return [:] }
            #expect(text.count < 60_000, "\(name) result is \(text.count) characters")
            return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }

        /// Calls a tool that must fail with a JSON-RPC "invalid params" error; returns the message.
        func badCall(_ name: String, _ arguments: [String: Value] = [:]) async -> String {
            do {
                let (content, _) = try await client.callTool(name: name, arguments: arguments)
                Issue.record("\(name) \(arguments) succeeded: \(content)")
                return ""
            } catch let error as MCPError {
                #expect(error.code == -32602, "\(name): \(error)")
                return error.errorDescription ?? "\(error)"
            } catch {
                Issue.record("\(name): unexpected \(error)")
                return ""
            }
        }
    }

    @Test("initialize names the server and offers tools; tools/list has the seven read-only tools with schemas")
    func listing() async throws {
        let h = try await Harness()
        #expect(h.initialized.serverInfo.name == "insights")
        #expect(h.initialized.capabilities.tools != nil)
        #expect(h.initialized.instructions?.contains("brief") == true)
        let (tools, _) = try await h.client.listTools()
        #expect(tools.map(\.name) == ["search", "brief", "list_tasks", "get_task", "list_failures", "get_failure", "get_session"])
        for tool in tools {
            let description = try #require(tool.description)
            #expect(description.count > 40 && description.hasSuffix("."), "\(tool.name): \(description)")
            #expect(tool.inputSchema.objectValue?["type"] == "object")
            #expect(tool.annotations.readOnlyHint == true)
        }
        let required = Dictionary(uniqueKeysWithValues: tools.map { ($0.name, $0.inputSchema.objectValue?["required"]?.arrayValue ?? []) })
        #expect(required["search"] == ["query"] && required["get_task"] == ["id"] && required["get_failure"] == ["id"]
                && required["get_session"] == ["id"] && required["brief"] == [])
        await h.stop()
    }

    @Test("tools/call: search, brief, list_tasks, get_task, list_failures, get_failure, get_session on real notes")
    func calls() async throws {
        let h = try await Harness()
        let search = try await h.call("search", ["query": "migration tracking", "kind": "finding", "limit": 2])
        let hits = try #require(search["results"] as? [[String: Any]])
        #expect(hits.count <= 2 && hits.first?["title"] as? String == "Migration Tracking is Broken")
        #expect(hits.first?["session"] as? String == "2025-12-17-session-insights" && hits.first?["line"] as? Int == 16)
        #expect((hits.first?["snippet"] as? String)?.contains("[") == true)

        let brief = try await h.call("brief")
        let open = try #require(brief["open_tasks"] as? [[String: Any]])
        #expect(open.compactMap { $0["title"] as? String }.prefix(7) == ArraySlice(BriefReferenceTests.openP0P1))
        let watch = try #require(brief["watch_out_for"] as? [[String: Any]])
        let delegation = try #require(watch.first { ($0["title"] as? String)?.contains("Delegat") == true })
        #expect((delegation["fix"] as? [String: Any])?["line"] as? Int == 121)

        let tasks = try await h.call("list_tasks", ["priority": "P1"])
        let items = try #require(tasks["items"] as? [[String: Any]])
        #expect(tasks["total"] as? Int == items.count && items.allSatisfy { $0["priority"] as? String == "P1" })
        #expect(items.contains { $0["title"] as? String == "Create audit log table" })
        let id = try #require(items.first { $0["title"] as? String == "Create audit log table" }?["id"] as? String)
        let task = try await h.call("get_task", ["id": .string(id)])
        let mention = try #require((task["mentions"] as? [[String: Any]])?.first)
        #expect(mention["session"] as? String == "2025-12-17-session-insights" && mention["line"] as? Int == 188)
        let done = try await h.call("list_tasks", ["status": "done"])
        #expect((done["items"] as? [[String: Any]])?.contains { $0["title"] as? String == "Fix migration tracking" } == true)

        let failures = try await h.call("list_failures")
        let clusters = try #require(failures["items"] as? [[String: Any]])
        let cluster = try #require(clusters.first { ($0["title"] as? String)?.contains("Delegat") == true })
        let failure = try await h.call("get_failure", ["id": .string(try #require(cluster["id"] as? String))])
        #expect((failure["occurrences"] as? [[String: Any]])?.contains { $0["line"] as? Int == 83 } == true)

        let session = try await h.call("get_session", ["id": "2025-12-17-session-insights"])
        #expect(session["title"] as? String == "Session Insights - December 17, 2025")
        let friction = try #require((session["friction"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(friction.first?["line"] as? Int == 121)
        #expect((friction.first?["detail"] as? String)?.hasSuffix("correct response: Document blocker, create Archon task, escalate to user") == true)
        await h.stop()
    }

    @Test("results are capped and say so")
    func capped() async throws {
        let h = try await Harness()
        let search = try await h.call("search", ["query": "test OR migration OR session", "limit": 1])
        #expect(search["truncated"] as? Bool == true && (search["total"] as? Int ?? 0) > 1)
        #expect((search["note"] as? String)?.hasPrefix("showing 1 of ") == true)
        await h.stop()
    }

    @Test("bad calls are JSON-RPC invalid-params errors with a message an agent can act on, never a crash")
    func badCalls() async throws {
        let h = try await Harness()
        #expect(await h.badCall("delete_everything").contains("unknown tool 'delete_everything'; tools: search, brief"))
        #expect(await h.badCall("search").contains("search: missing required argument 'query'"))
        #expect(await h.badCall("get_task").contains("get_task: missing required argument 'id'"))
        #expect(await h.badCall("get_task", ["id": "T-000000"]).contains("no task with id 'T-000000'; list_tasks shows the ids"))
        #expect(await h.badCall("get_failure", ["id": "F-nope"]).contains("no failure with id 'F-nope'"))
        #expect(await h.badCall("get_session", ["id": "../../etc/passwd"]).contains("no session with id '../../etc/passwd'"))
        #expect(await h.badCall("get_session", ["id": 42]).contains("'id' must be a string"))
        #expect(await h.badCall("search", ["query": "*"]).contains("search:"))
        #expect(await h.badCall("search", ["query": "x", "limit": 5000]).contains("'limit' must be an integer from 1 to 50"))
        #expect(await h.badCall("search", ["query": "x", "kind": "bug"]).contains("kind 'bug' is not one of"))
        #expect(await h.badCall("list_tasks", ["status": "maybe"]).contains("status 'maybe'"))
        #expect(await h.badCall("list_tasks", ["stauts": "open"]).contains("unknown argument 'stauts'"))
        #expect(await h.badCall("brief", ["since": "soon"]).contains("since 'soon'"))
        #expect(await h.badCall("ingest", ["markdown": "# Note"]).contains("--allow-ingest"))
        // Still serving after all that.
        #expect(try await h.call("brief")["date"] != nil)
        await h.stop()
    }

    @Test("ingest exists only with --allow-ingest, validates like the CLI and makes the note searchable")
    func ingest() async throws {
        let h = try await Harness(allowIngest: true)
        let (tools, _) = try await h.client.listTools()
        #expect(tools.last?.name == "ingest" && tools.last?.annotations.readOnlyHint == false)
        let note = """
            # Session Insights - November 20, 2026

            ## Technical Findings

            ### 1. Quokka cache eviction storms

            **Root Cause**: every worker evicts at midnight.

            ## Next Steps

            - [ ] Stagger quokka cache eviction (P1)
            """
        let result = try await h.call("ingest", ["markdown": .string(note)])
        #expect(result["status"] as? String == "added")
        let id = try #require(result["id"] as? String)
        #expect(h.journal.exists(try #require(result["file"] as? String)))
        let search = try await h.call("search", ["query": "quokka"])
        #expect((search["results"] as? [[String: Any]])?.contains { $0["session"] as? String == id } == true)
        #expect(try await h.call("ingest", ["markdown": .string(note)])["status"] as? String == "unchanged")
        #expect(await h.badCall("ingest", ["markdown": "bad \u{0} bytes"]).contains("binary file"))
        #expect(await h.badCall("ingest", ["markdown": "   \n"]).contains("missing required argument 'markdown'"))
        await h.stop()
    }
}

/// The server on a journal that has no index yet: tools answer with an error result naming the fix.
@Suite("mcp server without an index")
struct MCPNoIndexTests {
    @Test("a tool call before any ingest is an isError result that says to run reindex, and the server keeps serving")
    func noIndex() async throws {
        let dir = try TempDir()
        let toolbox = InsightsToolbox(journal: Journal(path: dir.path + "/journal"))
        let result = try await toolbox.call(CallTool.Parameters(name: "brief"))
        #expect(result.isError == true)
        guard case .text(let text, _, _)? = result.content.first else { Issue.record("no text"); return }
        #expect(text.hasSuffix("no index yet; run `insights ingest NOTE.md` or `insights reindex` first"))
        await #expect(throws: MCPError.self) { try await toolbox.call(CallTool.Parameters(name: "get_task")) }
    }
}
