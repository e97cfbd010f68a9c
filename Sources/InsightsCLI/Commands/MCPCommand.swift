import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `insights mcp ...` runs `insights-mcp ...` (installed beside `insights`) in this process's place, so agents
/// can be given the command `insights`. The server lives in its own executable: the MCP SDK links libcurl and
/// ~30 TLS libraries, which cost every other command 19 ms of start-up while they were linked here.
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the journal to coding agents over the Model Context Protocol (stdio).",
        discussion: """
            Runs `insights-mcp` (installed beside `insights`) with the same arguments; see `insights mcp --help`.
            Register it with an agent as the command `insights` with the arguments ["mcp", "--journal",
            "/path/to/journal"], or as the command `insights-mcp` with ["--journal", "/path/to/journal"].
            """)

    @Argument(parsing: .captureForPassthrough, help: "Passed to insights-mcp: --journal PATH, --allow-ingest, --help.")
    var arguments: [String] = []

    static let serverName = "insights-mcp"

    func run() throws {
        try runReporting {
            guard let server = Self.serverPath() else {
                throw CLIError.failure("""
                    mcp: \(Self.serverName) is not installed beside insights; build it with \
                    `swift build -c release --product \(Self.serverName)` and put it next to the insights binary
                    """)
            }
            var cArguments = ([server] + arguments).map { strdup($0) } + [nil]
            execv(server, &cArguments)
            throw CLIError.failure("mcp: cannot run \(server) (\(String(cString: strerror(errno))))")
        }
    }

    /// `insights-mcp` in the folder of the running `insights` (symlinks resolved), else on PATH.
    static func serverPath() -> String? {
        let fm = FileManager.default
        var folders: [String] = []
        if let me = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append((me as NSString).deletingLastPathComponent)
        } else if let me = Bundle.main.executablePath {
            folders.append(((me as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent)
        }
        folders += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return folders.map { $0 + "/" + serverName }.first { fm.isExecutableFile(atPath: $0) }
    }
}
