import ArgumentParser

/// The exit codes scripts can rely on, declared once.
enum Exit {
    /// Success, including "no results".
    static let success = ExitCode(0)
    /// Something failed at run time (a file could not be ingested, an index is corrupt).
    static let failure = ExitCode(1)
    /// A usage error: bad flag, bad query (the code argument-parser uses for its own usage errors).
    static let usage = ExitCode(64)
}

/// An error the CLI reports in one line and turns into an exit code.
package struct CLIError: Error, CustomStringConvertible {
    package let description: String
    let code: ExitCode

    package static func usage(_ message: String) -> CLIError { CLIError(description: message, code: Exit.usage) }
    package static func failure(_ message: String) -> CLIError { CLIError(description: message, code: Exit.failure) }
}
