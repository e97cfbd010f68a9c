import Testing
import InsightsCore
import InsightsStore

/// Whatever is typed, a search gives results or one clear usage line, never an SQLite message, never SQL.
@Suite("Search: hostile queries", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct SearchHostileTests {
    let index: Index
    init() throws { index = try SearchFixture.index() }

    @Test("searched as plain words", arguments: [
        ("\"unbalanced", 0), ("NEAR(", 0), ("'; DROP TABLE session; --", 0), ("\"migration tracking", 2),
        ("migration)", 39), ("(migration", 39), ("migration AND", 39), ("NEAR(migration, tracking)", 0),
        ("\"\"\"", -1), ("migration:*", 39), ("*migration", 39), ("x-frame-options", 3),
    ])
    func plain(query: String, total: Int) throws {
        do {
            let r = try index.search(SearchQuery(query))
            if total >= 0 { #expect(r.total == total) }
        } catch let error as QueryError {
            #expect(total == -1, "unexpected usage error: \(error)")
            #expect(!error.description.lowercased().contains("sqlite") && !error.description.contains("fts5"))
        }
        #expect(try index.counts().sessions == 21)
    }

    @Test("usage errors name the query", arguments: ["*", "AND", "OR", "NOT", "\"", "!@#$%^&*()", "-", "--", "-vest", "NOT -x"])
    func usage(query: String) {
        do {
            _ = try index.search(SearchQuery(query))
            Issue.record("'\(query)' should be a usage error")
        } catch let error as QueryError {
            #expect(error.description.contains("'\(query)'"))
            #expect(!error.description.lowercased().contains("sqlite") && !error.description.contains("syntax error"))
        } catch {
            Issue.record("'\(query)' threw \(error)")
        }
    }
}
