import Foundation
import InsightsCore
import InsightsStore

/// Prints search results: numbered, with kind, title, where they came from and a snippet (bold matches on a
/// terminal, `[brackets]` otherwise), or as one JSON document.
struct SearchPrinter {
    let console: Console
    let journal: Journal

    func human(_ r: SearchResults, query: String, isFiltered: Bool) {
        guard !r.hits.isEmpty else {
            var line = "no results for '\(query)'" + (isFiltered ? " with these filters" : "")
            if !r.suggestions.isEmpty { line += "; did you mean: " + r.suggestions.joined(separator: ", ") + "?" }
            console.out(line)
            return
        }
        let width = String(r.hits.count).count
        for (n, hit) in r.hits.enumerated() {
            let rank = String(repeating: " ", count: width - String(n + 1).count) + "\(n + 1)."
            let badges = [hit.priority, hit.kind == .finding ? hit.category : nil].compactMap { $0 }.filter { !$0.isEmpty }
            console.out("\(rank) " + console.style(hit.kind.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0), .cyan)
                        + marked(hit.titleMarks) + (badges.isEmpty ? "" : "  " + console.style("[" + badges.joined(separator: ", ") + "]", .dim)))
            let indent = String(repeating: " ", count: width + 2)
            console.out(indent + console.style("\(hit.sessionID) · \(hit.date) · \(source(hit)):\(hit.line)", .dim))
            if !hit.snippet.text.isEmpty { console.out(indent + marked(hit.snippet)) }
        }
        var footer = "\(r.hits.count) of \(r.total) result\(r.total == 1 ? "" : "s")"
        if !r.folded.isEmpty {
            let parts = r.folded.prefix(3).map { "\($0.count) from \($0.session)" }
            footer += "; folded " + parts.joined(separator: ", ") + (r.folded.count > 3 ? ", …" : "") + " (see them with --session ID)"
        } else if r.total > r.hits.count {
            footer += " (see more with --limit)"
        }
        if let newest = r.rankedNewest {
            footer += "; ranked the newest \(newest) matches (narrow with more words, --since or --kind)"
        }
        console.out(console.style(footer, .dim))
    }

    func json(_ r: SearchResults, query: String) throws {
        try console.json(SearchJSON(query: query, understood: r.understood, total: r.total, rankedNewest: r.rankedNewest,
                                    results: r.hits.map { SearchJSON.Result($0, source: source($0)) },
                                    folded: r.folded, suggestions: r.suggestions))
    }

    /// The note's path as the user can open it: the journal folder joined with the journal file.
    func source(_ hit: SearchHit) -> String {
        journal.path == "." ? hit.file : journal.path + "/" + hit.file
    }

    private func marked(_ text: MarkedText) -> String {
        console.isColorOut ? text.rendered(open: "\u{1B}[1m", close: "\u{1B}[22m") : text.rendered(open: "[", close: "]")
    }
}

/// The `search --json` document.
struct SearchJSON: Encodable {
    var query: String
    var understood: String
    var total: Int
    /// Set when only the newest N matches were ranked.
    var rankedNewest: Int?
    var results: [Result]
    var folded: [FoldedSession]
    var suggestions: [String]

    enum CodingKeys: String, CodingKey {
        case query, understood, total, rankedNewest = "ranked_newest", results, folded, suggestions
    }

    struct Result: Encodable {
        var kind, title, snippet, snippetText, session, sessionTitle, date, source: String
        var highlights, titleHighlights: [[Int]]
        var line: Int
        var score: Double
        var priority, status, category: String?
        var priorityRank: Int?
        var tags: [String]

        init(_ h: SearchHit, source: String) {
            kind = h.kind.rawValue; title = h.title; snippet = h.snippet.rendered(open: "[", close: "]")
            snippetText = h.snippet.text; session = h.sessionID; sessionTitle = h.sessionTitle; date = h.date
            self.source = source; line = h.line; score = (h.score * 1000).rounded() / 1000
            highlights = h.snippet.highlights.map { [$0.lowerBound, $0.upperBound] }
            titleHighlights = h.titleMarks.highlights.map { [$0.lowerBound, $0.upperBound] }
            priority = h.priority; status = h.status; category = h.category; priorityRank = h.priorityRank; tags = h.tags
        }

        /// Every key always present (absent values as null), so scripts can rely on the shape.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind); try c.encode(title, forKey: .title)
            try c.encode(snippet, forKey: .snippet); try c.encode(snippetText, forKey: .snippetText)
            try c.encode(session, forKey: .session); try c.encode(sessionTitle, forKey: .sessionTitle)
            try c.encode(date, forKey: .date); try c.encode(source, forKey: .source); try c.encode(line, forKey: .line)
            try c.encode(highlights, forKey: .highlights); try c.encode(titleHighlights, forKey: .titleHighlights)
            try c.encode(score, forKey: .score); try c.encode(priority, forKey: .priority)
            try c.encode(priorityRank, forKey: .priorityRank); try c.encode(status, forKey: .status)
            try c.encode(category, forKey: .category); try c.encode(tags, forKey: .tags)
        }

        enum CodingKeys: String, CodingKey {
            case kind, title, snippet, snippetText = "snippet_text", session, sessionTitle = "session_title", date, source,
                 highlights, titleHighlights = "title_highlights", line, score, priority, status, category,
                 priorityRank = "priority_rank", tags
        }
    }
}
