import Foundation

/// One thing to look for: a word, a phrase, or a prefix, as letters and digits only.
///
/// `migrat*` → `QueryTerm(words: ["migrat"], isPrefix: true)`; `"schema drift"` → `QueryTerm(words: ["schema", "drift"])`;
/// `X-Frame-Options` → `QueryTerm(words: ["x", "frame", "options"])` (a word joined by `-`, `.`, `/`, `'` or `_` is a phrase).
public struct QueryTerm: Sendable, Hashable, Codable {
    /// Lowercased words; never empty, each made only of letters and digits.
    public var words: [String]
    /// Whether the last word is a prefix (`migrat*`).
    public var isPrefix: Bool

    public init(words: [String], isPrefix: Bool = false) {
        self.words = words
        self.isPrefix = isPrefix
    }

    /// The term as a user would write it: `migrat*`, `"schema drift"`.
    public var display: String {
        let body = words.count > 1 ? "\"" + words.joined(separator: " ") + "\"" : words.joined()
        return body + (isPrefix ? "*" : "")
    }
}

/// A search query reduced to terms: groups that must all match (each group matches when any of its terms does)
/// and terms no result may contain.
///
/// `archon "context bloat" OR vest -gamification` →
/// `ParsedQuery(required: [[archon], ["context bloat", vest]], excluded: [gamification])`.
public struct ParsedQuery: Sendable, Hashable, Codable {
    public var required: [[QueryTerm]]
    public var excluded: [QueryTerm]

    public init(required: [[QueryTerm]], excluded: [QueryTerm] = []) {
        self.required = required
        self.excluded = excluded
    }

    /// Every term a result is looked up by (not the excluded ones), in query order.
    public var positiveTerms: [QueryTerm] { required.flatMap { $0 } }

    /// The query as understood, for messages: `archon ("context bloat" OR vest) -gamification`.
    public var display: String {
        let groups = required.map { g in g.count == 1 ? g[0].display : "(" + g.map(\.display).joined(separator: " OR ") + ")" }
        return (groups + excluded.map { "-" + $0.display }).joined(separator: " ")
    }
}

/// Why a query cannot be searched, in one line a user can act on.
public enum QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing searchable was typed (`*`, `AND`, `"`, punctuation only).
    case nothingToSearch(query: String)
    /// Only exclusions (`-vest`, `NOT vest`): there is nothing to find.
    case onlyExclusions(query: String)
    /// More terms than a search takes.
    case tooManyTerms(count: Int, limit: Int)

    public var description: String {
        switch self {
        case .nothingToSearch(let q):
            return "nothing to search for in '\(q)'; type words, \"a phrase\" or a prefix* (see `insights search --help`)"
        case .onlyExclusions(let q):
            return "'\(q)' only excludes words; add a word to look for, e.g. 'migration \(q)'"
        case .tooManyTerms(let count, let limit):
            return "the query has \(count) terms; use at most \(limit)"
        }
    }
}

/// Parses the query syntax users expect from a search box into a `ParsedQuery`, never failing on odd input.
///
/// Words are ANDed; `OR` (upper case) joins its neighbours; `NOT x` and `-x` exclude; `"..."` is a phrase;
/// `word*` matches by prefix; `AND` is accepted and changes nothing. Anything else (brackets, `NEAR(`, quotes
/// left open, SQL) is read as plain words: `'; DROP TABLE session; --` → `drop table session`.
/// `QueryParser.parse("migrat* NOT gamification")` → required `[[migrat*]]`, excluded `[gamification]`.
public enum QueryParser {
    /// At most this many terms per query (a search box, not a document).
    public static let maxTerms = 32

    public static func parse(_ query: String) throws(QueryError) -> ParsedQuery {
        var required: [[QueryTerm]] = []
        var excluded: [QueryTerm] = []
        var isNotPending = false
        var isOrPending = false
        for token in lex(query) {
            switch token {
            case .and:
                isOrPending = false
            case .not:
                isNotPending = true
            case .or:
                isOrPending = !required.isEmpty && !isNotPending
            case .term(let term, let isNegated):
                if isNegated || isNotPending {
                    excluded.append(term)
                } else if isOrPending, !required.isEmpty {
                    required[required.count - 1].append(term)
                } else {
                    required.append([term])
                }
                isNotPending = false
                isOrPending = false
            }
        }
        let shown = query.trimmed(.whitespacesAndNewlines)
        let count = required.reduce(0) { $0 + $1.count } + excluded.count
        if count > maxTerms { throw .tooManyTerms(count: count, limit: maxTerms) }
        if required.isEmpty {
            if excluded.isEmpty { throw .nothingToSearch(query: shown) }
            throw .onlyExclusions(query: shown)
        }
        return ParsedQuery(required: required, excluded: excluded)
    }

    enum Token: Equatable {
        case term(QueryTerm, isNegated: Bool)
        case or, and, not
    }

    /// Characters that join words into one phrase-like term when they sit inside a word (`X-Frame-Options`).
    private static let joiners: Set<Character> = ["-", ".", "/", "'", "’", "_", "*"]

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    static func lex(_ query: String) -> [Token] {
        let chars = Array(query)
        var tokens: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            // A leading single `-` negates the term that follows it directly.
            var isNegated = false
            if c == "-", i + 1 < chars.count, isWordCharacter(chars[i + 1]) || chars[i + 1] == "\"" {
                isNegated = true
                i += 1
            }
            if chars[i] == "\"", let close = chars[(i + 1)...].firstIndex(of: "\"") {
                let words = split(String(chars[(i + 1)..<close]))
                var isPrefix = false
                var next = close + 1
                if next < chars.count, chars[next] == "*" { isPrefix = true; next += 1 }
                if !words.isEmpty { tokens.append(.term(QueryTerm(words: words, isPrefix: isPrefix), isNegated: isNegated)) }
                i = next
                continue
            }
            guard isWordCharacter(chars[i]) || (chars[i] != "-" && joiners.contains(chars[i])) else {
                i += 1 // whitespace, an unbalanced quote, brackets and other punctuation separate terms
                continue
            }
            var end = i
            while end < chars.count, isWordCharacter(chars[end]) || joiners.contains(chars[end]) { end += 1 }
            let chunk = String(chars[i..<end])
            i = end
            if !isNegated, chunk == "OR" { tokens.append(.or); continue }
            if !isNegated, chunk == "AND" { tokens.append(.and); continue }
            if !isNegated, chunk == "NOT" { tokens.append(.not); continue }
            let words = split(chunk)
            guard !words.isEmpty else { continue }
            let isPrefix = chunk.last == "*" && chunk.dropLast().last.map(isWordCharacter) == true
            tokens.append(.term(QueryTerm(words: words, isPrefix: isPrefix), isNegated: isNegated))
        }
        return tokens
    }

    /// Lowercased runs of letters and digits.
    static func split(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !isWordCharacter($0) }).map(String.init)
    }
}
