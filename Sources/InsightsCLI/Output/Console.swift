import Foundation

/// Where the CLI writes: results on stdout, progress and diagnostics on stderr, colour only on a terminal.
package struct Console: Sendable {
    let isColorOut: Bool
    let isColorErr: Bool
    let isProgressShown: Bool

    package init() {
        // getenv, not ProcessInfo's environment: that copies every variable into a dictionary first.
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false || getenv("TERM").map { String(cString: $0) } == "dumb"
        isColorOut = !noColor && isatty(STDOUT_FILENO) == 1
        isColorErr = !noColor && isatty(STDERR_FILENO) == 1
        isProgressShown = isatty(STDERR_FILENO) == 1
    }

    func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    package func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A progress line that overwrites itself on a terminal and prints nothing when piped.
    func progress(_ text: String) {
        guard isProgressShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    func endProgress() {
        guard isProgressShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    enum Style: String { case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36" }

    /// `text` wrapped in an ANSI style when stdout is a terminal.
    func style(_ text: String, _ style: Style) -> String {
        isColorOut ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// Prints `value` as pretty, key-sorted JSON on stdout.
    func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        out(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
