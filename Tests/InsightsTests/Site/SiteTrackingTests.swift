import Foundation
import Testing
import InsightsCore
import InsightsSite

@Suite("Site tasks board and failures map (hand-built tasks and clusters on the shipped journal)")
struct SiteTrackingTests {
    static func input() throws -> SiteInput {
        var input = try SiteFixtures.journalInput()
        let sep3 = "2026-09-03-session-insights", oct1 = "2026-10-01-security-headers-rollout"
        let s3 = try #require(input.notes.first { $0.session.id == sep3 }?.session)
        let repair = try #require(s3.remaining.first)
        let pushFinding = try #require(s3.findings.first)
        input.tasks = [
            TrackedTask(id: "T-aa0001", title: "Repair migration history", priority: "P0", priorityRank: 0, status: .open,
                        mentions: [TaskMention(session: sep3, date: "2026-09-03", line: repair.line, text: repair.title, kind: .open, priority: "P0")],
                        firstSeen: "2026-09-03", lastSeen: "2026-09-03"),
            TrackedTask(id: "T-aa0002", title: "Add security headers", priority: "P2", priorityRank: 2, status: .done,
                        mentions: [TaskMention(session: oct1, date: "2026-10-01", line: 1, text: "Add security headers", kind: .done)],
                        firstSeen: "2026-09-03", lastSeen: "2026-10-01", resolvedIn: oct1, resolvedOn: "2026-10-01",
                        evidence: TaskMention(session: oct1, date: "2026-10-01", line: 1, text: "Add security headers", kind: .done)),
            TrackedTask(id: "T-aa0003", title: "Blocked on vendor", priority: nil, priorityRank: nil, status: .blocked,
                        dependsOn: ["T-aa0001"]),
        ]
        input.failures = [
            FailureCluster(id: "F-bb0001", title: "Schema changed by hand", sessions: 2, firstSeen: "2026-09-03", lastSeen: "2026-10-06",
                           status: .recurredAfterFix,
                           fixes: [FailureFix(session: sep3, date: "2026-09-03", line: pushFinding.line, text: "Add a CI drift check")],
                           occurrences: [
                               FailureOccurrence(session: sep3, date: "2026-09-03", kind: "finding", title: pushFinding.title, text: "", line: pushFinding.line),
                               FailureOccurrence(session: "2026-10-06-postmortem-payment-reconciliation-outage", date: "2026-10-06",
                                                 kind: "finding", title: "Hand change again", text: "", line: 1),
                           ], terms: ["schema", "drift"]),
        ]
        return input
    }

    @Test("open and blocked tasks sit in columns by priority, with history linking to the session item; done ones a line each")
    func board() throws {
        let out = try SiteFixtures.tempFolder("board")
        _ = try SiteBuilder().build(try Self.input(), to: out)
        let html = try SiteFixtures.read(out, "tasks.html")
        #expect(html.contains("1 open · 1 blocked · 1 done"))
        #expect(html.contains("<article class=\"task\" id=\"task-T-aa0001\">"))
        #expect(html.contains("href=\"sessions/2026-09-03-session-insights.html#remaining-1\""))
        #expect(html.contains("Depends on <a href=\"#task-T-aa0001\">T-aa0001</a>"))
        #expect(html.contains("<h3>No priority</h3>"))
        let open = try #require(html.range(of: "id=\"col-open\"")), done = try #require(html.range(of: "id=\"col-done\""))
        let repair = try #require(html.range(of: "task-T-aa0001\">"))
        #expect(open.lowerBound < repair.lowerBound && repair.lowerBound < done.lowerBound)
        // A done task is one line after the Done heading: its id, title, when and where it was closed.
        let row = try #require(html.range(of: "<li id=\"task-T-aa0002\"><a class=\"permalink\" href=\"#task-T-aa0002\">T-aa0002</a> Add security headers <span class=\"meta\">done 2026-10-01 · <a href=\"sessions/2026-10-01-security-headers-rollout.html"))
        #expect(done.lowerBound < row.lowerBound)
        #expect(!html.contains("<article class=\"task\" id=\"task-T-aa0002\">"))
        // The session's remaining item links back to its task; the home page lists the open P0.
        let session = try SiteFixtures.read(out, "sessions/2026-09-03-session-insights.html")
        #expect(session.contains("<a class=\"task-link\" href=\"../tasks.html#task-T-aa0001\">T-aa0001 · open</a>"))
        #expect(try SiteFixtures.read(out, "index.html").contains("href=\"tasks.html#task-T-aa0001\">Repair migration history</a>"))
        #expect(try LinkChecker.brokenLinks(in: out) == [])
    }

    @Test("clusters show occurrences over time, fixes, and the recurred-after-fix flag")
    func failures() throws {
        let out = try SiteFixtures.tempFolder("failures")
        _ = try SiteBuilder().build(try Self.input(), to: out)
        let html = try SiteFixtures.read(out, "failures.html")
        #expect(html.contains("<article class=\"cluster\" id=\"failure-F-bb0001\">"))
        #expect(html.contains("<span class=\"flag\">recurred after fix</span>"))
        #expect(html.contains("<span class=\"flag\">after a fix</span>"))
        #expect(html.contains("<svg class=\"strip\""))
        #expect(html.contains("<circle cx=\"594\" cy=\"12\" r=\"6\" class=\"after\">") == false, "the strip spans the whole journal, not the cluster")
        #expect(html.contains("href=\"sessions/2026-09-03-session-insights.html#finding-1\""))
        let session = try SiteFixtures.read(out, "sessions/2026-09-03-session-insights.html")
        #expect(session.contains("href=\"../failures.html#failure-F-bb0001\">F-bb0001 · 2 sessions · recurred after fix</a>"))
        #expect(try SiteFixtures.read(out, "index.html").contains("failures.html#failure-F-bb0001"))
        #expect(try LinkChecker.brokenLinks(in: out) == [])
    }

    @Test("a task's status change rewrites the board and the sessions that link to it, not the others")
    func incrementalTasks() throws {
        let out = try SiteFixtures.tempFolder("board-incr")
        var input = try Self.input()
        _ = try SiteBuilder().build(input, to: out)
        input.tasks[0].status = .done
        let report = try SiteBuilder().build(input, to: out)
        #expect(report.written.contains("tasks.html"))
        #expect(report.written.contains("sessions/2026-09-03-session-insights.html"))
        #expect(!report.written.contains("sessions/2026-09-08-dashboard-login-loop.html"))
    }
}
