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

    /// A term's words broke the parser's promise (non-empty, letters and digits only).
    struct InvalidTerm: Error {}

    /// The MATCH argument for a query, checked here rather than by SQLite: GRDB's `FTS5Pattern` validates by
    /// creating an in-memory database and an FTS5 table per pattern, which was a fifth of a search's time.
    /// The expression is valid by construction when every word holds only letters and digits.
    static func pattern(for query: ParsedQuery) throws -> String {
        for t in query.required.joined() + query.excluded { try check(t) }
        return string(for: query)
    }

    static func pattern(for term: QueryTerm) throws -> String {
        try check(term)
        return self.term(term)
    }

    static func check(_ t: QueryTerm) throws {
        guard !t.words.isEmpty, t.words.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber } }) else {
            throw InvalidTerm()
        }
    }
}
