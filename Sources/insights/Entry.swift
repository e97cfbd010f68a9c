import InsightsCLI

/// The `insights` executable: everything lives in InsightsCLI so tests can run commands in-process.
@main enum Entry {
    static func main() async { await InsightsCommand.main() }
}
