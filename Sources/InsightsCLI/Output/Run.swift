import ArgumentParser
import InsightsStore

/// Runs a command body, turning library errors into one line on stderr and the right exit code.
package func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch {
        throw reported(error)
    }
}

/// `runReporting` for a body that awaits (the MCP server).
package func runReporting(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch {
        throw reported(error)
    }
}

/// Prints a library error's one line on stderr and returns the exit it ends the command with; any other error
/// (ArgumentParser's own, an `ExitCode`) is returned as it is.
private func reported(_ error: Error) -> Error {
    if let error = error as? CLIError {
        Console().err("insights: \(error.description)")
        return error.code
    }
    if let error = error as? StoreError ?? StoreError.from(error, path: "the index") {
        Console().err("insights: \(error.description)")
        return Exit.failure
    }
    return error
}
