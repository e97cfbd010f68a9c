import InsightsCLI
import InsightsStore
import MCP

/// The MCP server of `insights mcp`: the SDK's `Server` with `tools/list` and `tools/call` wired to a toolbox.
enum InsightsMCPServer {
    static let instructions = """
        insights answers questions about past engineering sessions written as session-insight notes. Call `brief` \
        before starting work to see open high-priority tasks and failures that recurred; use `search` to find what \
        earlier sessions learned, and get_task / get_failure / get_session for details with source lines.
        """

    /// A server ready to `start(transport:)`.
    static func make(_ toolbox: InsightsToolbox) async -> Server {
        let server = Server(name: "insights", version: InsightsCommand.configuration.version, title: "insights",
                            instructions: instructions, capabilities: .init(tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: toolbox.tools) }
        await server.withMethodHandler(CallTool.self) { params in try await toolbox.call(params) }
        return server
    }
}
