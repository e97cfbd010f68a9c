import ArgumentParser
import Foundation
import InsightsCore
import InsightsStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search findings, friction, done and remaining work, updates, takeaways and sessions.",
        discussion: """
            Best matches come first: a word in an item's title counts four times a word in its body, and equal
            scores go to the newer session. Words are matched by stem, so "migrations" finds "migration".

            Query syntax:
              migration tracking          both words (AND is implied; writing AND changes nothing)
              archon OR vest              either word (OR in capitals)
              archon NOT vest             archon, never vest (also: archon -vest)
              "migration tracking"        the exact phrase
              migrat*                     any word starting with migrat
              X-Frame-Options             words joined by - . / ' _ are read as a phrase
            Anything else (brackets, lone operators, an unclosed quote, punctuation) is read as plain words;
            a query with nothing to look for is a usage error (exit 64).

            Examples:
              insights search migration
              insights search 'migrat* NOT gamification'
              insights search timeout --kind finding --since 2026-01-01 --priority P0 --limit 50
              insights search "context lost" --json | jq '.results[0].source'

            At most 3 results per session are shown while other sessions have results waiting; the rest are
            folded and counted (see them all with --session ID). When nothing matches, close indexed words are
            suggested.

            --json prints {"query", "understood", "total", "results": [...], "folded": [{"session", "count"}],
            "suggestions": [...]}. Each result has kind, title, snippet (matches in [brackets]), snippet_text
            (plain), highlights ([start, end] UTF-16 offsets into snippet_text), title_highlights, session,
            session_title, date, source (the note's path), line, score (higher is better), priority,
            priority_rank, status, category, tags.
            """)

    @OptionGroup var journal: JournalOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp(
        "Only this kind of item; repeat or separate with commas (\(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))).",
        valueName: "kind"))
    var kind: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only items of this session (see `insights sessions`); shows all its results.", valueName: "id"))
    var session: String?

    @Option(name: .long, help: ArgumentHelp("Only sessions on or after this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only sessions on or before this day.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Only this priority: P0 to P3, or a word such as High, Medium, Low, Critical.", valueName: "priority"))
    var priority: String?

    @Option(name: .long, help: ArgumentHelp("Only open (remaining) or done items.", valueName: "open|done"))
    var status: String?

    @Option(name: .long, help: ArgumentHelp("Only sessions with this tag (repeat for several, all required).", valueName: "tag"))
    var tag: [String] = []

    @Option(name: .long, help: "Show at most this many results.")
    var limit = 20

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("What to look for (see the query syntax below).", valueName: "query"))
    var query: [String] = []

    func validate() throws {
        if let flag = query.first(where: { $0.hasPrefix("--") && $0.count > 2 }) {
            throw ValidationError("unknown option '\(flag)'")
        }
        if queryText.allSatisfy(\.isWhitespace) {
            throw ValidationError("say what to search for, e.g. `insights search migration`")
        }
        if let since, !Self.isDay(since) { throw ValidationError("--since '\(since)' is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31") }
        if let until, !Self.isDay(until) { throw ValidationError("--until '\(until)' is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31") }
        if let since, let until, since > until { throw ValidationError("--since \(since) is after --until \(until)") }
        if !(1...1000).contains(limit) { throw ValidationError("--limit must be between 1 and 1000 (got \(limit))") }
        _ = try kinds()
        if let status, !["open", "done"].contains(status.lowercased()) {
            throw ValidationError("--status '\(status)' is not a status; use open or done")
        }
    }

    func run() throws {
        try runReporting {
            let console = Console()
            let journal = journal.resolved
            // The journal's vocabulary only for the filters that read it: making the default one (its phrase
            // index) was 1.4 ms of a 19 ms search.
            let vocabulary = priority != nil || status != nil ? try journal.config().effectiveVocabulary : nil
            let search: SearchQuery
            do {
                search = try SearchQuery(queryText, kinds: try kinds(), sessionID: session,
                                         since: since, until: until, priority: try vocabulary.flatMap(priorityFilter),
                                         statuses: vocabulary.map(statusWords) ?? [], tags: tag.map(Self.tagName),
                                         limit: limit)
            } catch let error as QueryError {
                throw CLIError.usage(error.description)
            }
            let results = try journal.openIndex(readOnly: true).search(search)
            let printer = SearchPrinter(console: console, journal: journal)
            if output.json {
                try printer.json(results, query: search.text)
            } else {
                printer.human(results, query: search.text, isFiltered: hasFilters)
            }
        }
    }

    /// The query words as one string (a `--` separating options from the query is not part of it).
    var queryText: String {
        query.filter { $0 != "--" }.joined(separator: " ")
    }

    private var hasFilters: Bool {
        !kind.isEmpty || session != nil || since != nil || until != nil || priority != nil || status != nil || !tag.isEmpty
    }

    /// `YYYY-MM-DD` naming a real day.
    static func isDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
        return DateParser.firstDate(in: text) == text
    }

    func kinds() throws -> [ItemKind] {
        var out: [ItemKind] = []
        for name in kind.flatMap({ $0.split(separator: ",") }).map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            let singular = name.hasSuffix("s") ? String(name.dropLast()) : name
            guard let k = ItemKind(rawValue: name) ?? ItemKind(rawValue: singular) else {
                throw ValidationError("--kind '\(name)' is not a kind; use one of \(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !out.contains(k) { out.append(k) }
        }
        return out
    }

    func priorityFilter(_ vocabulary: Vocabulary) throws -> PriorityFilter? {
        guard let priority else { return nil }
        guard let rank = Priority.rank(priority, vocabulary) else {
            throw CLIError.usage("--priority '\(priority)' is not a priority; use P0, P1, P2, P3 or High, Medium, Low")
        }
        let words = vocabulary.priorities.filter { $0.value == rank }.keys.filter { !$0.contains(" ") }.sorted()
        return PriorityFilter(rank: rank, words: words)
    }

    func statusWords(_ vocabulary: Vocabulary) -> [String] {
        switch status?.lowercased() {
        case "open": return ["open"] + vocabulary.openWords
        case "done": return ["done"] + vocabulary.doneWords
        default: return []
        }
    }

    static func tagName(_ tag: String) -> String {
        tag.hasPrefix("#") ? String(tag.dropFirst()) : tag
    }
}
