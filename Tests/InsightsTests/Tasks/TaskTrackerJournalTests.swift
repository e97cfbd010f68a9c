import Foundation
import Testing
import InsightsCore

/// The shipped journal's task threads (Tests/InsightsTests/JOURNAL-STORY.md).
@Suite("Tasks across the shipped journal")
struct TaskTrackerJournalTests {
    let sessions: [Session]
    let tasks: [TrackedTask]

    init() throws {
        sessions = try TaskFixtures.journal()
        tasks = TaskTracker().tasks(from: sessions)
    }

    func task(mentioning text: String) throws -> TrackedTask {
        try #require(tasks.first { $0.mentions.contains { $0.text == text } }, "no task mentions \(text)")
    }

    func n(_ i: Int) -> String { sessions[i - 1].id }

    @Test("T1 security headers: merged across N2, N4, N6, closed by N8's [x]")
    func securityHeaders() throws {
        let t = try task(mentioning: "Add security headers")
        #expect(t.mentions.map(\.session) == [n(2), n(4), n(6), n(8)])
        #expect(t.mentions.map(\.kind) == [.open, .open, .open, .done])
        #expect(t.mentions[1].text == "Add CSP / HSTS security headers to the dashboard")
        #expect(t.status == .done)
        #expect(t.resolvedIn == n(8))
        #expect(t.resolvedOn == "2026-10-01")
        #expect(t.evidence?.text == "Add security headers to the dashboard")
        #expect(t.firstSeen == "2026-09-03")
        #expect(t.priority == "🟡")
    }

    @Test("T2 overdue-invoices index: N1 and N7 merged, closed by N7's Update")
    func overdueIndex() throws {
        let t = try task(mentioning: "Add index for overdue invoices")
        #expect(t.mentions.first?.session == n(1))
        #expect(t.status == .done)
        #expect(t.resolvedIn == n(7))
        #expect(t.evidence?.line == 112)
        #expect(t.evidence?.text.hasPrefix("Update: Overdue Invoices Index Resolved") == true)
    }

    @Test("T3 webhook retries: done in N7, reopened by N9")
    func webhookRetriesReopened() throws {
        let t = try task(mentioning: "Retry failed outbound webhook deliveries with exponential backoff")
        #expect(t.mentions.map(\.session).prefix(5) == [n(1), n(2), n(5), n(7), n(9)])
        #expect(t.mentions[3].kind == .done)
        #expect(t.mentions[3].text == "Webhook delivery retries with exponential backoff")
        #expect(t.mentions[4].kind == .open)
        #expect(t.isReopened)
        #expect(t.status == .open)
        #expect(t.resolvedIn == nil)
        #expect(t.priority == "P1")
    }

    @Test("T4 schema drift check: closed by N4's [x]")
    func driftCheck() throws {
        let t = try task(mentioning: "Add schema drift check to CI")
        #expect(t.status == .done)
        #expect(t.resolvedIn == n(4))
        #expect(t.evidence?.text == "Add a CI job that fails on schema drift")
    }

    @Test("T5 env var docs: five mentions in other words, never closed, priority from the latest")
    func envDocs() throws {
        let t = try task(mentioning: "Env var docs")
        #expect(t.mentions.map(\.session) == [n(1), n(2), n(6), n(11), n(13)])
        #expect(t.mentions.allSatisfy { $0.kind == .open })
        #expect(t.status == .open)
        #expect(t.priority == "P3")
        #expect(t.lastSeen == "2026-10-20")
    }

    @Test("same-note closures and dependencies: N2's Update and N7's blocked item")
    func sameNote() throws {
        let repair = try task(mentioning: "Repair migration history")
        #expect(repair.status == .done && repair.resolvedIn == n(2))
        let apply = try task(mentioning: "Apply invoice numbering migration")
        #expect(apply.dependsOn == [repair.id])
        #expect(apply.status == .done && apply.resolvedIn == n(4))
        let hack = try task(mentioning: "Remove the 60 s dashboard cache hack")
        let rewrite = try task(mentioning: "Rewrite the overdue widget query")
        #expect(hack.dependsOn == [rewrite.id])
        #expect(hack.status == .blocked)
    }

    @Test("two different items of one note never share a task")
    func neverMergeWithinANote() {
        for t in tasks {
            let opens = t.mentions.filter { $0.kind == .open }.map(\.session)
            #expect(Set(opens).count == opens.count, "\(t.id) \(t.title)")
        }
        #expect(tasks.reduce(0) { $0 + $1.mentions.filter { $0.kind == .open }.count } == sessions.reduce(0) { $0 + $1.remaining.count })
    }

    @Test("ids are stable: T- plus 6 hex, unique, independent of input order")
    func stableIDs() {
        #expect(tasks.allSatisfy { $0.id.wholeMatch(of: /T-[0-9a-f]{6}/) != nil })
        #expect(Set(tasks.map(\.id)).count == tasks.count)
        let again = TaskTracker().tasks(from: sessions.reversed())
        #expect(again.map(\.id) == tasks.map(\.id))
        #expect(again == tasks)
    }
}
