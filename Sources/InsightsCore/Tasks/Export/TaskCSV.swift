/// Tasks as RFC 4180 CSV: a header row, one row per task, CRLF line ends, fields quoted when needed.
///
/// A title `Say "hi", then go` → `"Say ""hi"", then go"`.
public enum TaskCSV {
    public static let header = ["id", "title", "priority", "status", "first_seen", "last_seen", "resolved_in",
                                "resolved_on", "depends_on", "sessions", "mentions", "reopened", "tags"]

    public static func render(_ tasks: [TrackedTask]) -> String {
        var out = header.map(field).joined(separator: ",") + "\r\n"
        for t in tasks {
            var sessions: [String] = []
            for m in t.mentions where !sessions.contains(m.session) { sessions.append(m.session) }
            let row = [t.id, t.title, t.priority ?? "", t.status.rawValue, t.firstSeen, t.lastSeen, t.resolvedIn ?? "",
                       t.resolvedOn ?? "", t.dependsOn.joined(separator: " "), sessions.joined(separator: " "),
                       String(t.mentions.count), t.isReopened ? "true" : "false", t.tags.joined(separator: " ")]
            out += row.map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// One field, quoted (with inner quotes doubled) when it holds a comma, quote, CR or LF.
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
