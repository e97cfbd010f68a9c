import Testing
import InsightsCore
import InsightsStore

/// Queries written as a user would, over the reference note, the ggltcg series and the shipped journal.
@Suite("Search ranking", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct SearchRankingTests {
    let index: Index
    init() throws { index = try SearchFixture.index() }

    func search(_ text: String, limit: Int = 20) throws -> SearchResults {
        try index.search(SearchQuery(text, limit: limit))
    }

    @Test("'migration': titles naming a migration lead, equal scores go to the newer session")
    func migration() throws {
        let r = try search("migration")
        #expect(r.total == 39)
        #expect(r.hits.prefix(8).allSatisfy { $0.title.lowercased().contains("migration") })
        #expect(r.hits.prefix(2).map(\.title) == ["db/migrations/20260915081500_create_reminder_settings.sql", "Apply invoice numbering migration"])
        #expect(r.hits[0].score == r.hits[1].score && r.hits[0].date > r.hits[1].date)
        // The reference note's P0 finding is its 4th result: folded on the mixed first page, shown with --session.
        #expect(r.folded.contains { $0.session == SearchFixture.seedID } || r.hits.contains { $0.title == "Migration Tracking is Broken" })
        let own = try index.search(SearchQuery("migration", sessionID: SearchFixture.seedID))
        let finding = try #require(own.hits.prefix(4).first { $0.title == "Migration Tracking is Broken" })
        #expect(finding.kind == .finding && finding.line == 16 && finding.priority == "P0 BLOCKER")
    }

    @Test("'migrations' finds the same items as 'migration' (porter stemming)")
    func stemming() throws {
        let singular = try search("migration").hits.map(\.title)
        let plural = try search("migrations").hits.map(\.title)
        #expect(plural == singular)
        #expect(try search("migrations").hits.contains { $0.snippet.matchedWords.contains("migrations") })
    }

    @Test("'orchestrator': the finding titled with it beats short bodies that merely mention it")
    func orchestrator() throws {
        let r = try search("orchestrator")
        #expect(r.hits.first?.title == "Orchestrator Executed Instead of Delegating")
        #expect(r.hits.first?.line == 83)
        #expect(r.total == 11)
        #expect(r.hits.allSatisfy { $0.sessionID == SearchFixture.seedID })
    }

    @Test("'bypassed' matches bypassing/bypass by stem; the Archon finding is in the top two")
    func bypassed() throws {
        let r = try search("bypassed")
        #expect(r.total == 4)
        #expect(r.hits.prefix(2).map(\.title).contains("Archon Was Completely Bypassed"))
        #expect(r.hits.first?.kind == .takeaway)
        #expect(r.hits.first?.titleMarks.matchedWords == ["bypassing"])
    }

    @Test("'security headers': both words in every top title; the rollout session's work leads")
    func securityHeaders() throws {
        let r = try search("security headers")
        #expect(r.hits.prefix(5).allSatisfy { $0.title.lowercased().contains("security headers") })
        #expect(r.hits.first?.sessionID == "2026-10-01-security-headers-rollout")
        let seedTask = try #require(r.hits.first { $0.sessionID == SearchFixture.seedID })
        #expect(seedTask.kind == .task && seedTask.title == "Add security headers" && seedTask.priority == "P2")
        #expect(seedTask.snippet.text == "CSP, X-Frame-Options, HSTS")
    }

    @Test("'compaction' finds the friction row and the finding about the lost task list")
    func compaction() throws {
        let r = try search("compaction")
        #expect(r.total == 4)
        #expect(Set(r.hits.prefix(2).map(\.title)) == ["Session getting long, compaction close", "Context Compaction Dropped the Task List"])
        #expect(r.hits.prefix(2).allSatisfy { $0.sessionID == "2026-09-03-session-insights" })
        #expect(r.hits.contains { $0.sessionID == "2026-10-20-ledgerly-six-week-retrospective" && $0.kind == .takeaway })
    }

    @Test("'migrat*' matches by prefix: everything 'migration' finds, and 'migrated'")
    func prefix() throws {
        let r = try search("migrat*", limit: 100)
        let words = try search("migration", limit: 100)
        #expect(Set(words.hits.map(\.title)).isSubset(of: Set(r.hits.map(\.title))))
        #expect(r.hits.contains { $0.title == "✅ 17/18 cards migrated to effect_definitions in CSV" })
    }

    @Test("'\"migration tracking\"' is a phrase: exactly the task and the finding")
    func phrase() throws {
        let r = try search("\"migration tracking\"")
        #expect(r.hits.map(\.title) == ["Fix migration tracking", "Migration Tracking is Broken"])
        #expect(r.hits[1].snippet.text.contains("Migration tracking table was reset"))
    }

    @Test("'archon NOT vest' and 'archon -vest' exclude every item that mentions VEST")
    func exclusion() throws {
        let not = try search("archon NOT vest")
        let minus = try search("archon -vest")
        #expect(not.hits.map(\.title) == minus.hits.map(\.title))
        #expect(not.total == 4)
        #expect(not.hits.contains { $0.title == "Archon description overwritten" })
        #expect(!not.hits.contains { $0.title == "Archon Was Completely Bypassed" }) // its body names VEST
        #expect(try search("archon").total > not.total)
    }

    @Test("'-gamification migration' drops the gamification items only")
    func leadingExclusion() throws {
        let r = try search("-gamification migration", limit: 100)
        #expect(r.total == 36)
        #expect(!r.hits.contains { $0.title.lowercased().contains("gamification") })
        #expect(r.understood == "migration -gamification")
    }

    @Test("'webhook retries' over the journal: delivery retry work, newest story first among equals")
    func webhookRetries() throws {
        let r = try search("webhook retries")
        #expect(r.total == 15)
        #expect(r.hits.prefix(5).allSatisfy { $0.title.lowercased().contains("webhook") && $0.title.lowercased().contains("retr") })
        #expect(r.hits.first?.title == "Retry failed outbound webhook deliveries with exponential backoff")
    }

    @Test("journal words: timeout, flaky, CSP, deadlock", arguments: [
        ("timeout", "PDF render timeout on large invoices", 9),
        ("flaky", "Flaky CI, again", 4),
        ("CSP", "CSP blocked the 3-D Secure challenge.", 6),
        ("deadlock", "Deadlock between two recalculate-totals jobs.", 1),
    ])
    func journalWords(query: String, expected: String, total: Int) throws {
        let r = try search(query)
        #expect(r.total == total)
        #expect(r.hits.prefix(4).contains { $0.title == expected })
    }

    @Test("a typo finds nothing and suggests the indexed word as notes spell it")
    func suggestions() throws {
        let r = try search("migraton")
        #expect(r.hits.isEmpty && r.total == 0)
        #expect(r.suggestions.first == "migration")
        #expect(try search("webhok").suggestions.first == "webhook")
        #expect(try search("orchestrator").suggestions.isEmpty)
    }

    @Test("snippets mark the matched words and give UTF-16 offsets into the plain text")
    func snippets() throws {
        let hit = try #require(try search("deadlock").hits.first)
        #expect(hit.snippet.rendered(open: "[", close: "]").hasPrefix("**[Deadlock] between two `recalculate-totals` jobs.**"))
        #expect(hit.snippet.highlights == [2..<10])
        #expect(hit.titleMarks.rendered(open: "<mark>", close: "</mark>") == "<mark>Deadlock</mark> between two recalculate-totals jobs.")
        #expect(hit.file == "2026-09-15-payment-reminders-changelog.md" && hit.line == 24 && hit.date == "2026-09-15")
        #expect(hit.score > 0)
    }
}
