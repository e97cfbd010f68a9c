import ArgumentParser
import Foundation
import InsightsCLI
import InsightsStore
import Logging
import MCP

/// `insights-mcp` (and `insights mcp`, which runs it).
public struct MCPCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "insights-mcp",
        abstract: "Serve the journal to coding agents over the Model Context Protocol (stdio).",
        discussion: """
            Reads JSON-RPC messages on stdin and answers on stdout until stdin closes; diagnostics go to stderr.
            Tools: search, brief, list_tasks, get_task, list_failures, get_failure, get_session (read-only), and
            ingest with --allow-ingest. Register it with an agent as the command `insights` with the arguments
            ["mcp", "--journal", "/path/to/journal"]
            (or as the command `insights-mcp` with ["--journal", "/path/to/journal"]).
            """,
        version: InsightsCommand.configuration.version)

    @OptionGroup var journal: JournalOptions

    @Flag(name: .long, help: "Offer the `ingest` tool, which adds Markdown notes to the journal.")
    var allowIngest = false

    public init() {}

    public func run() async throws {
        try await runReporting {
            let journal = journal.resolved
            if !FileManager.default.fileExists(atPath: journal.indexPath) {
                Console().err("insights mcp: no index in \(journal.path) yet; tools will say so until `insights reindex` or `insights ingest` runs")
            }
            let server = await InsightsMCPServer.make(InsightsToolbox(journal: journal, isIngestAllowed: allowIngest))
            let stdio = StdioTransport()
            let transport = DrainingTransport(stdio, logger: stdio.logger)
            do {
                try await server.start(transport: transport)
            } catch {
                throw CLIError.failure("mcp: cannot start on stdio (\(error.localizedDescription))")
            }
            await server.waitUntilCompleted()
            // stdin closed: answer what was asked before it did, then stop.
            await transport.drain(timeout: .seconds(30))
            await server.stop()
        }
    }
}
