import GRDB
import InsightsCore

/// Builds the FTS5 MATCH expression for a parsed query from our own syntax only: every term becomes a quoted
/// FTS5 string made of letters and digits, joined by the operators we write, so no user text is ever read as FTS5.
///
/// `archon ("context bloat" OR vest) -gamification` → `("archon") AND ("context bloat" OR "vest") NOT ("gamification")`.
enum FTS5Expression {
    static func string(for query: ParsedQuery) -> String {
        let required = query.required.map { "(" + $0.map(term).joined(separator: " OR ") + ")" }.joined(separator: " AND ")
        guard !query.excluded.isEmpty else { return required }
        return "(" + required + ") NOT (" + query.excluded.map(term).joined(separator: " OR ") + ")"
    }

    /// One term as an FTS5 string: `"x frame options"`, `"migrat" *`.
    static func term(_ t: QueryTerm) -> String {
        // Words hold only letters and digits (QueryParser); the quote doubling is a second guard.
        let words = t.words.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"")
        return "\"" + words + "\"" + (t.isPrefix ? " *" : "")
    }

    static func pattern(for query: ParsedQuery) throws -> FTS5Pattern {
        try FTS5Pattern(rawPattern: string(for: query))
    }

    static func pattern(for term: QueryTerm) throws -> FTS5Pattern {
        try FTS5Pattern(rawPattern: self.term(term))
    }
}
