import Foundation
import Testing
import InsightsCore
import InsightsStore
@testable import InsightsCLI

/// `insights brief` and `insights new` on a copy of the shipped journal (see JOURNAL-STORY.md).
@Suite("brief and new on the shipped journal")
struct BriefJournalTests {
    @Test("open P0/P1 tasks: the webhook-retry thread first, done tasks left out, the cache hack blocked by the widget query")
    func openTasks() async throws {
        let (dir, journal) = try await AgentFixtures.shippedJournal()
        defer { withExtendedLifetime(dir) {} }
        let brief = try BriefQuery.brief(try journal.openIndex(readOnly: true), today: "2026-11-25", limit: 50)
        let titles = brief.openTasks.map(\.title)
        #expect(titles.first == "Fix webhook retries on worker restart (graceful boss.stop, no manual failed marking)")
        #expect(brief.openTasks.first?.priority == "P0")
        #expect(titles.contains("Rewrite the overdue widget query"))
        // T1 security headers (closed N8), T4 drift check (closed N4) and T6 DDL rights (closed N13) are done.
        #expect(!titles.contains { $0.localizedCaseInsensitiveContains("security headers") || $0.localizedCaseInsensitiveContains("schema drift") || $0.localizedCaseInsensitiveContains("DDL") })
        let hack = try #require(brief.openTasks.first { $0.title == "Remove the 60 s dashboard cache hack" })
        #expect(hack.status == .blocked && hack.blockedBy.map(\.title) == ["Rewrite the overdue widget query"])
        #expect(brief.openTasks.last?.id == hack.id, "blocked tasks come after open ones of the same priority")
        // T3: done in N7, reopened in N9.
        #expect(brief.openTasks.contains { $0.isReopened && $0.title.hasPrefix("Reopen webhook delivery retries") })
        #expect(brief.totals.openTasks == 11 && brief.reopened.isEmpty)
        // N13 (the newest note) also leaves three lower-priority tasks open.
        #expect(brief.leftOpen.map(\.title) == ["Keep the pre-push hook under 60 s so nobody is tempted to skip it",
                                                "Document environment variables in .env.example", "HSTS preload submission"])
    }

    @Test("warnings first: pushing without tests and hand-made schema changes recurred after their fixes, in --json and in text")
    func warningsFirst() async throws {
        let (dir, journal) = try await AgentFixtures.shippedJournal()
        defer { withExtendedLifetime(dir) {} }
        let brief = try BriefQuery.brief(try journal.openIndex(readOnly: true), today: "2026-11-25")
        // JOURNAL-STORY F2 and F1.
        #expect(brief.warnings.map(\.title) == ["Pushing without running the tests.", "The schema was changed by hand in production, again."])
        #expect(brief.warnings.allSatisfy { $0.status == .recurredAfterFix })
        #expect(brief.warnings.map { $0.fix?.date } == ["2026-09-29", "2026-09-03"])
        #expect(brief.warnings[0].fix?.text == "Pre-push hook runs jest --findRelatedTests on the changed files; the full suite runs in CI")
        #expect(brief.warnings[1].fix?.text.contains("always apply migrations with `dbmate up`") == true)

        let json = try AgentFixtures.run(["brief", "--journal", journal.path, "--json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["date", "warnings", "open_tasks", "reopened", "left_open", "watch_out_for", "totals"])
        let text = try AgentFixtures.run(["brief", "--journal", journal.path])
        let warnAt = try #require(text.out.range(of: "Recurred after fix (2)\n")?.lowerBound)
        let tasksAt = try #require(text.out.range(of: "Open P0/P1 tasks (10 of 11, see more with --limit)")?.lowerBound)
        #expect(warnAt < tasksAt)
        #expect(text.out.contains("fix written 2026-09-29: Pre-push hook runs jest --findRelatedTests on the changed files; the full suite runs in CI\n"))
        #expect(text.out.contains("blocked by ") == false, "the blocked task is 11th, beyond the default limit of 10")
    }

    @Test("brief flags: bad --since and --limit are usage errors (64); no index is a failure (1)")
    func flags() async throws {
        #expect(await CLI.run(["brief", "--since", "soon"]) == 64)
        #expect(await CLI.run(["brief", "--limit", "0"]) == 64)
        let dir = try TempDir()
        #expect(await CLI.run(["brief", "--journal", dir.path]) == 1)
    }

    @Test("new writes YYYY-MM-DD-slug.md with the open tasks as - [ ] items and the warnings, and never overwrites")
    func newNote() async throws {
        let (dir, journal) = try await AgentFixtures.shippedJournal()
        defer { withExtendedLifetime(dir) {} }
        let args = ["new", "Billing migration", "--journal", journal.path, "--date", "2026-11-25", "--no-edit"]
        #expect(await CLI.run(args) == 0)
        let file = "2026-11-25-billing-migration.md"
        let text = String(decoding: try journal.read(file), as: UTF8.self)
        #expect(text.hasPrefix("# Billing migration\n\n**Date**: 2026-11-25\n"))
        #expect(text.contains("\n- [ ] Fix webhook retries on worker restart (graceful boss.stop, no manual failed marking) (P0)\n"))
        #expect(text.contains("\n- [ ] Rewrite the overdue widget query (P1)\n"))
        #expect(text.contains("\n- [ ] HSTS preload submission (P3)\n"))
        #expect(text.components(separatedBy: "- [ ] ").count - 1 == 13, "10 open P0/P1 (the limit) + 3 left open on 2026-10-20")
        #expect(text.contains("## Watch out for"))
        #expect(text.contains("\n- **Pushing without running the tests.** (recurred after fix, 6 sessions): last fix (2026-09-29): Pre-push hook runs jest --findRelatedTests on the changed files; the full suite runs in CI\n"))
        #expect(!text.contains("{{"))

        // Never overwrites: same title and day fails with exit 1 and leaves the note as it was.
        try journal.write(Data((text + "my edits\n").utf8), to: file)
        #expect(await CLI.run(args) == 1)
        #expect(String(decoding: try journal.read(file), as: UTF8.self) == text + "my edits\n")
    }

    @Test("a new note ingested untouched adds no findings and no tasks: its items re-mention the open ones")
    func newNoteIngested() async throws {
        let (dir, journal) = try await AgentFixtures.shippedJournal()
        defer { withExtendedLifetime(dir) {} }
        let before = try journal.openIndex(readOnly: true).tasks()
        #expect(await CLI.run(["new", "Billing migration", "--journal", journal.path, "--date", "2026-11-25", "--no-edit"]) == 0)
        #expect(await CLI.run(["ingest", "--journal", journal.path, journal.url("2026-11-25-billing-migration.md").path]) == 0)
        let index = try journal.openIndex(readOnly: true)
        let session = try #require(try index.session(id: "2026-11-25-billing-migration"))
        #expect(session.findings.isEmpty && session.friction.isEmpty && session.completed.isEmpty)
        #expect(session.remaining.count == 13 && session.date == "2026-11-25")
        let after = try index.tasks()
        #expect(after.count == before.count)
        #expect(after.filter { $0.lastSeen == "2026-11-25" }.count == 13)
    }

    @Test("a journal's templates/note.md overrides the built-in one, and reindex does not take it for a note")
    func override() async throws {
        let (dir, journal) = try await AgentFixtures.shippedJournal()
        defer { withExtendedLifetime(dir) {} }
        try dir.write("journal/templates/note.md", "# {{title}} ({{date}})\n\n## Next Steps\n\n{{open_tasks}}\n")
        #expect(await CLI.run(["new", "Tiny", "--journal", journal.path, "--date", "2026-12-01", "--no-edit"]) == 0)
        let text = String(decoding: try journal.read("2026-12-01-tiny.md"), as: UTF8.self)
        #expect(text.hasPrefix("# Tiny (2026-12-01)\n\n## Next Steps\n\n- [ ] "))
        #expect(try journal.noteFiles().contains("2026-12-01-tiny.md"))
        #expect(try !journal.noteFiles().contains { $0.hasPrefix("templates/") })
        #expect(await CLI.run(["reindex", "--journal", journal.path]) == 0)
        #expect(try journal.openIndex(readOnly: true).sessions().count == 14)
        // Ingesting the journal folder itself skips its templates/ too.
        #expect(InputPaths.notes(under: journal.path).count == 14)
        #expect(await CLI.run(["ingest", "--journal", journal.path, journal.path]) == 0)
        #expect(try journal.openIndex(readOnly: true).sessions().count == 14)
    }

    @Test("new flags: a bad --date or an empty title is a usage error (64)")
    func newFlags() async {
        #expect(await CLI.run(["new", "X", "--date", "2026-02-30"]) == 64)
        #expect(await CLI.run(["new", " "]) == 64)
    }
}
