import InsightsMCP

/// The `insights-mcp` executable (`insights mcp` runs it): the journal served over MCP on stdio.
@main enum Entry {
    static func main() async { await MCPCommand.main() }
}
