import Testing
import InsightsCore
@testable import InsightsStore

/// Filters combined with queries, and the per-session folding of a page.
@Suite("Search filters", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct SearchFilterTests {
    let index: Index
    init() throws { index = try SearchFixture.index() }

    @Test("--kind task --priority P0: only P0 tasks, from both the reference note and the journal")
    func kindAndPriority() throws {
        let r = try index.search(SearchQuery("migration", kinds: [.task], priority: PriorityFilter(rank: 0, words: ["p0"])))
        #expect(r.hits.allSatisfy { $0.kind == .task && $0.priorityRank == 0 })
        #expect(Set(r.hits.map(\.title)) == ["Apply invoice numbering migration", "Apply gamification config tables migration",
                                            "Fix migration tracking", "Repair migration history"])
    }

    @Test("--priority matches a finding's severity as written (P0 BLOCKER, P1) by its words")
    func findingSeverity() throws {
        let p0 = try index.search(SearchQuery("migration", kinds: [.finding], priority: PriorityFilter(rank: 0, words: ["p0", "blocker"])))
        #expect(p0.hits.map(\.title) == ["Migration Tracking is Broken", "Migration History Drifted From the Real Schema"])
        #expect(p0.hits.allSatisfy { $0.priority == "P0 BLOCKER" && $0.priorityRank == nil })
        let p1 = try index.search(SearchQuery("webhook", kinds: [.finding], priority: PriorityFilter(rank: 1, words: ["p1", "high"])))
        #expect(p1.hits.map(\.title) == ["Outbound Webhook Deliveries Gave Up After One Attempt"])
    }

    @Test("--since/--until and --kind finding,task keep only items of sessions in the window")
    func dateWindow() throws {
        let r = try index.search(SearchQuery("webhook", kinds: [.finding, .task], since: "2026-10-01", until: "2026-10-15", limit: 100))
        #expect(!r.hits.isEmpty)
        #expect(r.hits.allSatisfy { ("2026-10-01"..."2026-10-15").contains($0.date) && [.finding, .task].contains($0.kind) })
        #expect(Set(r.hits.map(\.sessionID)) == ["2026-10-06-postmortem-payment-reconciliation-outage", "2026-10-13-session-handoff-dunning-emails"])
    }

    @Test("--status done --tag ledgerly: completed work of tagged sessions only")
    func statusAndTag() throws {
        let r = try index.search(SearchQuery("migration", statuses: ["done", "complete", "✅ complete"], tags: ["ledgerly"], limit: 100))
        #expect(!r.hits.isEmpty)
        #expect(r.hits.allSatisfy { $0.kind == .completed && $0.tags.contains("ledgerly") })
        #expect(r.hits.contains { $0.title == "Turn Tomás's manual paid_at column into a migration" })
        #expect(try index.search(SearchQuery("migration", tags: ["no-such-tag"])).hits.isEmpty)
    }

    @Test("--session shows every result of that session, unfolded")
    func session() throws {
        let r = try index.search(SearchQuery("orchestrator", sessionID: SearchFixture.seedID, limit: 50, perSession: 1))
        #expect(r.hits.count == 11 && r.folded.isEmpty)
    }

    @Test("one session cannot fill the page while others wait; what is left out is counted")
    func folding() throws {
        let r = try index.search(SearchQuery("migration", limit: 4, perSession: 1))
        #expect(r.hits.map(\.sessionID) == ["2026-09-15-payment-reminders-changelog", "2026-09-03-session-insights",
                                            SearchFixture.seedID, "2026-09-10-schema-drift-and-the-ci-drift-check"])
        #expect(r.folded == [FoldedSession(session: "2026-09-03-session-insights", count: 1)])
    }

    @Test("folding fills the page from waiting results when no other session has any", arguments: [
        (["a", "a", "a", "a", "b"], 4, ["a", "a", "a", "b"], ["a": 1]),
        (["a", "a", "a", "a", "a"], 4, ["a", "a", "a", "a"], [:]),
        (["a", "a", "a", "a", "b", "c"], 4, ["a", "a", "a", "b"], ["a": 1]),
        (["a", "b", "a", "a", "a", "c", "d"], 5, ["a", "b", "a", "a", "c"], ["a": 1]),
    ])
    func foldLogic(sessions: [String], limit: Int, page: [String], folded: [String: Int]) {
        let candidates = sessions.enumerated().map { Index.Candidate(id: Int64($0.offset), session: $0.element, score: Double($0.offset)) }
        let result = Index.fold(candidates, limit: limit, cap: 3)
        #expect(result.page.map { sessions[Int($0.id)] } == page)
        #expect(result.page.map(\.id) == result.page.map(\.id).sorted())
        #expect(Dictionary(uniqueKeysWithValues: result.folded.map { ($0.session, $0.count) }) == folded)
    }
}
