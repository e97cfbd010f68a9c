import Testing
import InsightsCore
@testable import InsightsStore

/// The query syntax: what users type → what is searched (and the FTS5 we write for it).
@Suite("Query parser")
struct QueryParserTests {
    @Test("the syntax users expect", arguments: [
        ("migration tracking", "migration tracking", #"("migration") AND ("tracking")"#),
        ("migration AND tracking", "migration tracking", #"("migration") AND ("tracking")"#),
        ("archon OR vest", "(archon OR vest)", #"("archon" OR "vest")"#),
        ("archon NOT vest", "archon -vest", #"(("archon")) NOT ("vest")"#),
        ("-gamification migration", "migration -gamification", #"(("migration")) NOT ("gamification")"#),
        ("\"migration tracking\"", "\"migration tracking\"", #"("migration tracking")"#),
        ("migrat*", "migrat*", #"("migrat" *)"#),
        ("X-Frame-Options", "\"x frame options\"", #"("x frame options")"#),
        ("statement_timeout", "\"statement timeout\"", #"("statement timeout")"#),
        ("Tomás's", "\"tomás s\"", #"("tomás s")"#),
        ("a b OR c -d", "a (b OR c) -d", #"(("a") AND ("b" OR "c")) NOT ("d")"#),
    ])
    func syntax(query: String, understood: String, fts: String) throws {
        let parsed = try QueryParser.parse(query)
        #expect(parsed.display == understood)
        #expect(FTS5Expression.string(for: parsed) == fts)
    }

    @Test("hostile text is read as plain words", arguments: [
        ("\"unbalanced", "unbalanced"),
        ("NEAR(", "near"),
        ("NEAR(migration tracking, 2)", "near migration tracking 2"),
        ("'; DROP TABLE session; --", "drop table session"),
        ("title:migration", "title migration"),
        ("{title body}: migration", "title body migration"),
        ("say \"\"hello\"\"", "say hello"),
        ("migration AND", "migration"),
        ("OR migration OR", "migration"),
        ("\u{0}migration\u{7}", "migration"),
        ("migration -", "migration"),
        ("^migration", "migration"),
    ])
    func plainWords(query: String, understood: String) throws {
        let parsed = try QueryParser.parse(query)
        #expect(parsed.display == understood)
        #expect(!FTS5Expression.string(for: parsed).contains(":"))
    }

    @Test("queries with nothing to look for are usage errors with one clear line", arguments: [
        ("*", QueryError.nothingToSearch(query: "*")),
        ("AND", .nothingToSearch(query: "AND")),
        ("OR", .nothingToSearch(query: "OR")),
        ("\"", .nothingToSearch(query: "\"")),
        ("!@#$%^&*()", .nothingToSearch(query: "!@#$%^&*()")),
        ("   ", .nothingToSearch(query: "")),
        ("-vest", .onlyExclusions(query: "-vest")),
        ("NOT vest", .onlyExclusions(query: "NOT vest")),
    ])
    func usageErrors(query: String, error: QueryError) {
        #expect(throws: error) { try QueryParser.parse(query) }
    }

    @Test("error messages say what is wrong and what to type")
    func messages() {
        #expect(QueryError.nothingToSearch(query: "*").description
                == "nothing to search for in '*'; type words, \"a phrase\" or a prefix* (see `insights search --help`)")
        #expect(QueryError.onlyExclusions(query: "-vest").description
                == "'-vest' only excludes words; add a word to look for, e.g. 'migration -vest'")
        let long = (1...40).map { "w\($0)" }.joined(separator: " ")
        #expect(throws: QueryError.tooManyTerms(count: 40, limit: 32)) { try QueryParser.parse(long) }
    }
}
