import Testing
import InsightsCore
@testable import InsightsMarkdown

/// The reference note the product was designed from: the exact expectations.
@Suite("Reference note", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct SeedNoteTests {
    let s: Session

    init() throws { s = try Corpus.session(Corpus.seed) }

    @Test("date and title come from the H1")
    func identity() {
        #expect(s.date == "2025-12-17")
        #expect(s.dateSource == "title")
        #expect(s.title == "Session Insights - December 17, 2025")
        #expect(s.id == "2025-12-17-session-insights")
        #expect(s.fields["Session Focus"] == "Architecture MRI completion + Phase 0 execution attempt")
    }

    @Test("4 technical and 2 process findings, plus the heading that holds the friction table")
    func findings() {
        #expect(s.findings.filter { $0.category == "technical" }.count == 4)
        #expect(s.findings.filter { $0.category == "process" }.map(\.title) ==
                ["Orchestrator Executed Instead of Delegating", "Archon Was Completely Bypassed", "Friction Points That Caused Deviation"])
        let first = s.findings[0]
        #expect(first.title == "Migration Tracking is Broken")
        #expect(first.severity == "P0 BLOCKER")
        #expect(first.line == 16)
        #expect(first.fields["Discovery"]?.hasPrefix("32 migrations exist locally but aren't tracked in production's migration history table.\n\n```\nMigrations 20251119000100") == true)
        #expect(first.fields["Root Cause"]?.hasPrefix("Unknown. Possibilities:\n1. Migrations were applied manually via SQL editor") == true)
        #expect(Set(first.fields.keys) == ["Discovery", "Impact", "Root Cause", "Fix Required"])
    }

    @Test("6 friction rows from both tables, the comparison table is not friction")
    func friction() {
        #expect(s.friction.count == 6)
        #expect(s.friction[0].problem == "Migration push failed")
        #expect(s.friction[0].response == "Tried workarounds, then did manual work")
        #expect(s.friction[0].correction == "Document blocker, create Archon task, escalate to user")
        #expect(s.friction[0].header == ["Friction", "My Response", "Correct Response"])
        #expect(s.friction[3].problem == "Archon description overwritten")
        #expect(s.friction[3].correction == "Use PUT API with full description preserved")
        #expect(!s.friction.contains { $0.problem.contains("challenge_configs") })
    }

    @Test("9 completed rows")
    func completed() {
        #expect(s.completed.count == 9)
        #expect(s.completed.first?.title == "Database state verified")
        #expect(s.completed.first?.status == "✅ Complete")
        #expect(s.completed.first?.note == "Orchestrator (acceptable - research)")
    }

    @Test("12 remaining items: P0 2, P1 6, P2 2, P3 2; item 2 depends on item 1")
    func remaining() {
        #expect(s.remaining.count == 12)
        let byPriority = Dictionary(grouping: s.remaining, by: { $0.priority ?? "none" }).mapValues(\.count)
        #expect(byPriority == ["P0": 2, "P1": 6, "P2": 2, "P3": 2])
        #expect(s.remaining.map(\.number) == Array(1...12))
        #expect(s.remaining[1].title == "Apply gamification config tables migration")
        #expect(s.remaining[1].dependsOn == [1])
        #expect(s.remaining[8].title == "Add security headers")
        #expect(s.remaining[8].detail == "CSP, X-Frame-Options, HSTS")
    }

    @Test("the update resolves \"Fix migration tracking\"")
    func update() {
        #expect(s.updates.count == 1)
        #expect(s.updates[0].status == "DONE")
        #expect(s.updates[0].resolves == ["Fix migration tracking"])
        #expect(s.updates[0].line == 216)
    }

    @Test("the key takeaway is kept")
    func takeaways() {
        #expect(s.takeaways.first?.title.hasPrefix("The system (Archon + VEST) exists to prevent context bloat") == true)
    }
}
