import Foundation
import Testing
@testable import InsightsCore
import InsightsStore
@testable import InsightsCLI

/// The brief built from the reference note: open P0/P1 tasks and the delegation failure with its correct response.
@Suite("brief on the reference note", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct BriefReferenceTests {
    static let openP0P1 = [
        "Apply gamification config tables migration", "Create AR assessment tables", "Create estimates/quoting tables",
        "Create DNC compliance tables", "Create audit log table", "Create query history table", "Create commission tables",
    ]

    @Test("lists the open P0 task, then the six P1 tasks in note order; the task its update resolved is left out")
    func openTasks() throws {
        let s = try Corpus.session(Corpus.seed)
        let brief = Brief.make(tasks: TaskTracker().tasks(from: [s]), failures: [], today: "2025-12-18")
        #expect(brief.openTasks.map(\.title) == Self.openP0P1)
        #expect(brief.openTasks.map(\.priority) == ["P0"] + Array(repeating: "P1", count: 6))
        #expect(brief.openTasks.map(\.line) == [182, 185, 186, 187, 188, 189, 190])
        #expect(!brief.openTasks.contains { $0.title == "Fix migration tracking" })
        // "Blocked by #1", but #1 was resolved by the note's update: open, no blocker left.
        #expect(brief.openTasks[0].status == .open && brief.openTasks[0].blockedBy.isEmpty)
        #expect(brief.reopened.isEmpty && brief.warnings.isEmpty)
        // The note's P2 and P3 items: what it hands over besides the urgent work.
        #expect(brief.leftOpen.map(\.title) == ["Add security headers", "Create CI/CD workflow", "Audit automation engines",
                                                "Document environment variables"])
        #expect(brief.leftOpen.map(\.priority) == ["P2", "P2", "P3", "P3"])
    }

    @Test("--limit caps each section and keeps the total; --since after the note leaves nothing")
    func limitAndSince() throws {
        let tasks = TaskTracker().tasks(from: [try Corpus.session(Corpus.seed)])
        let capped = Brief.make(tasks: tasks, failures: [], today: "2025-12-18", limit: 3)
        #expect(capped.openTasks.count == 3 && capped.totals.openTasks == 7)
        #expect(Brief.make(tasks: tasks, failures: [], today: "2026-01-01", since: "2025-12-18").isEmpty)
        #expect(Brief.make(tasks: tasks, failures: [], today: "2026-01-01", since: "2025-12-17").openTasks.count == 7)
    }

    @Test("the delegation failure is listed with its correct response; the Correct Response column is also its own row's fix")
    func delegationFailure() throws {
        let (dir, journal) = try AgentFixtures.corpusJournal([Corpus.seed])
        defer { withExtendedLifetime(dir) {} }
        let index = try journal.openIndex(readOnly: true)
        let brief = try BriefQuery.brief(index, today: "2025-12-18", limit: 50)
        #expect(brief.openTasks.map(\.title) == Self.openP0P1)
        let delegation = try #require(brief.watchOutFor.first { $0.title == "Orchestrator Executed Instead of Delegating" },
                                      "not in \(brief.watchOutFor.map(\.title))")
        // The friction table judges the author's responses ("Tried workarounds, then did manual work", "Fixed it
        // myself"), which is what the delegation finding describes: its first "Correct Response" is shown.
        #expect(delegation.status == .fixed && delegation.line == 83)
        #expect(delegation.fix?.text == "Document blocker, create Archon task, escalate to user" && delegation.fix?.line == 121)
        let cluster = try #require(try index.failures().first { $0.id == delegation.id })
        #expect(cluster.fixes.map(\.line) == [121, 122, 123])
        #expect(cluster.occurrences.contains { $0.line == 212 && $0.kind == "takeaway" })
        // The first friction row's "Correct Response" is written as a fix of the failure it was grouped with
        // (by the clusterer: "Migration Tracking is Broken", whose friction row is "Migration push failed").
        let fixes = try index.failures().flatMap(\.fixes)
        #expect(fixes.contains { $0.text == "Document blocker, create Archon task, escalate to user" && $0.line == 121 })
        let migration = try #require(brief.watchOutFor.first { $0.title == "Migration Tracking is Broken" })
        #expect(migration.fix?.line == 16 && migration.lesson == nil)
    }
}

/// `--since` values, the note template's placeholders, and the embedded default template.
@Suite("brief pieces")
struct BriefPieceTests {
    @Test("--since takes a day or an age counted back from today", arguments: [
        ("30d", "2026-10-26"), ("6w", "2026-10-14"), ("1m", "2026-10-25"), ("1y", "2025-11-25"), ("0d", "2026-11-25"),
        ("2026-01-01", "2026-01-01"), (" 2D ", "2026-11-23"),
    ])
    func since(text: String, day: String) {
        #expect(SinceDate.resolve(text, today: "2026-11-25") == day)
    }

    @Test("--since refuses what is neither", arguments: ["soon", "d", "-3d", "3x", "2026-02-30", "2026-1-1", ""])
    func badSince(text: String) {
        #expect(SinceDate.resolve(text, today: "2026-11-25") == nil)
    }

    @Test("placeholders are filled; unknown or unclosed ones stay; a title with a line break stays on one line")
    func template() {
        let brief = Brief(date: "2026-11-25", since: nil, warnings: [], openTasks: [
            Brief.TaskLine(id: "T-000001", title: "Fix the\nthing", priority: "P1", status: .open, isReopened: false,
                           blockedBy: [], session: "s", line: 3, lastSeen: "2026-11-01"),
        ], reopened: [], leftOpen: [], watchOutFor: [], totals: .init(warnings: 0, openTasks: 1, reopened: 0, leftOpen: 0, watchOutFor: 0))
        let out = NoteTemplate.render("# {{ title }} {{date}}\n{{open_tasks}}\n{{watch_out_for}}\n{{other}} {{x",
                                      title: "Billing", date: "2026-11-25", brief: brief)
        #expect(out == "# Billing 2026-11-25\n- [ ] Fix the thing (P1)\n<!-- No recurring failures in the journal. -->\n{{other}} {{x")
    }

    @Test("the template built into the binary is templates/note.md")
    func embedded() throws {
        let shipped = try String(contentsOf: Corpus.repo.appendingPathComponent("templates/note.md"), encoding: .utf8)
        #expect(NoteTemplateFile.defaultText == shipped)
    }
}
