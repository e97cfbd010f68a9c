import ArgumentParser
import InsightsStore

/// Runs a command body, turning library errors into one line on stderr and the right exit code.
package func runReporting(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as CLIError {
        Console().err("insights: \(error.description)")
        throw error.code
    } catch let error as StoreError {
        Console().err("insights: \(error.description)")
        throw Exit.failure
    } catch let error where StoreError.from(error, path: "the index") != nil {
        Console().err("insights: \(StoreError.from(error, path: "the index").map(\.description) ?? "")")
        throw Exit.failure
    }
}
