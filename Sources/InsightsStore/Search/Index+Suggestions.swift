import GRDB
import InsightsCore

extension Index {
    /// For each looked-for word the index does not hold, up to three indexed words spelled close to it
    /// (same first letter, edit distance about a third of its length), most frequent first, as written in notes.
    static func suggestions(for parsed: ParsedQuery, _ db: Database, perWord: Int = 3) throws -> [String] {
        var out: [String] = []
        for term in parsed.positiveTerms {
            for word in term.words where word.count >= 3 {
                let single = QueryTerm(words: [word], isPrefix: term.isPrefix && word == term.words.last)
                guard try !matches(single, db) else { continue }
                for s in try closeTerms(to: word, db).prefix(perWord) where !out.contains(s) { out.append(s) }
            }
        }
        return out
    }

    private static func matches(_ term: QueryTerm, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM item_fts WHERE item_fts MATCH ? LIMIT 1",
                          arguments: [FTS5Expression.pattern(for: term)]) ?? false
    }

    /// Indexed words near `word`, best first, as a note spells them.
    private static func closeTerms(to word: String, _ db: Database) throws -> [String] {
        guard let first = word.unicodeScalars.first, let next = Unicode.Scalar(first.value + 1) else { return [] }
        let limit = max(1, min(3, word.count / 3))
        let stem = Stemmer.stem(word)
        let rows = try Row.fetchAll(db, sql: "SELECT term, doc FROM item_vocab WHERE term >= ? AND term < ?",
                                    arguments: [String(first), String(next)])
        var scored: [(term: String, distance: Int, docs: Int)] = []
        for row in rows {
            let term: String = row[0]
            let d = min(EditDistance.between(word, term, limit: limit), EditDistance.between(stem, term, limit: limit))
            if d <= limit { scored.append((term, d, row[1])) }
        }
        scored.sort { ($0.distance, -$0.docs, $0.term) < ($1.distance, -$1.docs, $1.term) }
        var words: [String] = []
        for s in scored.prefix(6) {
            let surface = try spelling(of: s.term, db) ?? s.term
            if !words.contains(surface), surface != word { words.append(surface) }
        }
        return words
    }

    /// How notes spell an indexed (stemmed) term: the shortest matched word of a few one-token snippets
    /// ("migration" rather than "migrations").
    private static func spelling(of term: String, _ db: Database) throws -> String? {
        let open = String(markOpen), close = String(markClose)
        let marked = try String.fetchAll(db, sql: """
            SELECT snippet(item_fts, -1, ?, ?, '', 1) FROM item_fts WHERE item_fts MATCH ? LIMIT 8
            """, arguments: [open, close, FTS5Expression.pattern(for: QueryTerm(words: [term]))])
        let words = marked.flatMap { MarkedText(marked: $0, open: markOpen, close: markClose).matchedWords }
        return words.min { ($0.count, $0) < ($1.count, $1) }
    }
}
