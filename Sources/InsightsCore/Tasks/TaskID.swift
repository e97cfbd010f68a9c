/// Stable identifiers for tasks: derived from where a task was first mentioned, never from a counter.
///
/// `TaskID.make(session: "2025-12-17-session-insights", title: "Fix migration tracking")` → `"T-"` + 6 hex digits;
/// `TaskID.uuid("T-3f9a1c")` → a version-5-shaped UUID string, the same on every run.
public enum TaskID {
    /// `T-` + the first 6 hex digits of SHA-256(session id + newline + normalised title [+ `#n` on collision]).
    public static func make(session: String, title: String, attempt: Int = 0) -> String {
        let key = session + "\n" + normalise(title) + (attempt == 0 ? "" : "#\(attempt)")
        return "T-" + SHA256.hex(Array(key.utf8)).prefix(6)
    }

    /// A title lowercased with punctuation dropped and spaces collapsed.
    ///
    /// `normalise("  Fix **migration**  tracking!")` → `"fix migration tracking"`.
    public static func normalise(_ title: String) -> String {
        Tokens.words(title).joined(separator: " ")
    }

    /// A deterministic UUID for a task id in RFC 4122 version-5 layout (SHA-256 based, name space "insights").
    public static func uuid(_ id: String) -> String {
        var bytes = Array(SHA256.hex(Array(("insights-task:" + id).utf8)).prefix(32))
        bytes[12] = "5"
        let variant = "89ab"
        let nibble = Int(String(bytes[16]), radix: 16) ?? 0
        bytes[16] = Array(variant)[nibble % 4]
        let s = String(bytes)
        func part(_ from: Int, _ to: Int) -> Substring {
            s[s.index(s.startIndex, offsetBy: from)..<s.index(s.startIndex, offsetBy: to)]
        }
        return "\(part(0, 8))-\(part(8, 12))-\(part(12, 16))-\(part(16, 20))-\(part(20, 32))"
    }
}
