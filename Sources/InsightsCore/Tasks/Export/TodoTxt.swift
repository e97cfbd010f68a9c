/// Tasks in todo.txt format: `(A) 2026-09-03 Repair migration history +ledgerly @insights id:T-1a2b3c`,
/// and for done ones `x 2026-09-03 2026-09-03 Repair migration history ...` (completion date, then creation).
///
/// Priority P0 → (A), P1 → (B), P2 → (C), P3 → (D); done tasks drop the priority (todo.txt keeps it as `pri:`).
public enum TodoTxt {
    public static func render(_ tasks: [TrackedTask]) -> String {
        tasks.map(line).joined(separator: "\n") + (tasks.isEmpty ? "" : "\n")
    }

    public static func line(_ t: TrackedTask) -> String {
        let letter = t.priorityRank.map { String(UnicodeScalar(UInt8(65 + min(max($0, 0), 25)))) }
        var parts: [String] = []
        if t.status == .done {
            parts.append("x")
            parts.append(date(t.resolvedOn ?? t.lastSeen) ?? date(t.firstSeen) ?? "")
        } else if let letter {
            parts.append("(\(letter))")
        }
        if let created = date(t.firstSeen) { parts.append(created) }
        parts.append(clean(t.title))
        for tag in t.tags { parts.append("+" + word(tag)) }
        parts.append("@insights")
        if t.status == .blocked { parts.append("@blocked") }
        parts.append("id:\(t.id)")
        if t.status == .done, let letter { parts.append("pri:\(letter)") }
        if !t.dependsOn.isEmpty { parts.append("dep:" + t.dependsOn.joined(separator: ",")) }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A `YYYY-MM-DD` date or nil.
    static func date(_ s: String) -> String? {
        let b = Array(s.utf8)
        guard b.count == 10, b[4] == 45, b[7] == 45 else { return nil }
        return s
    }

    /// A title on one line that cannot be read as a completion mark, priority, project or context.
    static func clean(_ s: String) -> String {
        var words = s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).map(String.init)
        words = words.map { w in (w.hasPrefix("+") || w.hasPrefix("@")) && w.count > 1 ? String(w.dropFirst()) : w }
        if words.first == "x" || words.first.map({ $0.count == 3 && $0.hasPrefix("(") && $0.hasSuffix(")") }) == true {
            words[0] = "- " + words[0]
        }
        return words.joined(separator: " ")
    }

    static func word(_ s: String) -> String {
        String(s.map { $0.isWhitespace ? "-" : $0 })
    }
}
