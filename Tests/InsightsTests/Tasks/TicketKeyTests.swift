import Foundation
import Testing
@testable import InsightsCore
import InsightsMarkdown

/// Ticket keys (`ROAD-024`, `#191`) in task titles: a key before `: ` leads the title instead of being all of
/// it, and two titles naming different tickets are different work however many words they share.
@Suite("Ticket keys in tasks")
struct TicketKeyTests {
    @Test("a key before the separator stays in the title", arguments: [
        ("ROAD-024: Goss migration tool", "ROAD-024: Goss migration tool", ""),
        ("#191: Chimborazo Rebuild via Agent Swarm", "#191: Chimborazo Rebuild via Agent Swarm", ""),
        ("AUT-127: Fix retry logic - blocked by #1", "AUT-127: Fix retry logic", "blocked by #1"),
        ("AUT-127: Fix retry logic: make it idempotent", "AUT-127: Fix retry logic", "make it idempotent"),
        ("AUT-127 - Fix retry - see the runbook", "AUT-127 - Fix retry", "see the runbook"),
        ("Retry logic: make it idempotent", "Retry logic", "make it idempotent"),
        ("X-1 - one-letter keys count too", "X-1 - one-letter keys count too", ""),
    ])
    func split(text: String, title: String, detail: String) {
        let parts = ItemText.split(text)
        #expect(parts.title == title)
        #expect(parts.detail == detail)
    }

    @Test("what counts as a key", arguments: [
        ("ROAD-024", true), ("FB-636", true), ("PROJ2-9", true), ("#412", true),
        ("Retry logic", false), ("X-Frame-Options", false), ("#", false), ("-12", false), ("ROAD-", false), ("#12a", false),
    ])
    func keys(text: String, isKey: Bool) {
        #expect(ItemText.isTicketKey(text) == isKey)
    }

    /// Before keys were one word, every `ROAD-…` item shared `road`, so an update about one resolved its siblings.
    @Test("an update resolves the item whose key it names, not the note's other keyed items")
    func updateByKey() throws {
        let note = """
            # Session

            **Date**: 2026-01-02

            ## Remaining Work

            - ROAD-020: Goss docs
            - ROAD-024: Goss migration

            ## Update: ROAD-024 Goss migration done

            **Status**: DONE
            """
        let update = try #require(NoteParser().session(from: note, fileName: "n.md").updates.first)
        #expect(update.resolves == ["ROAD-024: Goss migration"])
    }

    @Test("a bold key leads its item's title")
    func boldKey() throws {
        let note = "# Handoff\n\n**Date**: 2026-01-02\n\n## Next Steps\n\n1. **AUT-127**: Fix retry logic - blocked by #2\n2. Ship it\n"
        let item = try #require(NoteParser().session(from: note, fileName: "n.md").remaining.first)
        #expect(item.title == "AUT-127: Fix retry logic")
        #expect(item.detail == "blocked by #2")
    }

    /// Two notes a day apart: `n1` lists the work, `n2` carries one item over and reports the other done.
    static func notes(_ second: String) -> [Session] {
        let first = """
            # Day one

            **Date**: 2026-01-01

            ## Next Steps

            - [ ] AUT-127: Retry webhook deliveries with exponential backoff for large accounts
            - [ ] DAS-240: Fix retry logic for large accounts in the nightly job
            """
        return [("n1", first), ("n2", "# Day two\n\n**Date**: 2026-01-02\n\n" + second)].map { id, text in
            var s = NoteParser().session(from: text, fileName: id + ".md")
            s.id = id
            return s
        }
    }

    @Test("titles naming different tickets are different tasks")
    func apart() {
        let tasks = TaskTracker().tasks(from: Self.notes("""
            ## Next Steps

            - [ ] DAS-240: Fix retry logic for large accounts in the nightly job
            - [ ] BIL-310: Retry webhook deliveries with exponential backoff for large accounts
            """))
        #expect(tasks.count == 3)
        #expect(tasks.first { $0.title.hasPrefix("DAS-240") }?.mentions.map(\.session) == ["n1", "n2"])
        #expect(tasks.first { $0.title.hasPrefix("AUT-127") }?.mentions.map(\.session) == ["n1"])
        #expect(tasks.first { $0.title.hasPrefix("BIL-310") }?.mentions.map(\.session) == ["n2"])
    }

    @Test("tickets part titles whether each names one or several", arguments: [
        ("AUT-127: Fix retry logic for large accounts", "DAS-240: Fix retry logic for large accounts", false),
        ("AUT-127: Fix retry logic for large accounts", "AUT-127: Fix retry logic for big accounts", true),
        // Several tickets: apart only when each names one the other does not.
        ("AUT-127 and DAS-240: Fix retry logic for large accounts", "AUT-127: Fix retry logic for large accounts", true),
        ("AUT-127 and DAS-240: Fix retry logic for large accounts", "BIL-310: Fix retry logic for large accounts", false),
        ("AUT-127 and DAS-240: Fix retry logic for large accounts", "DAS-240 and AUT-127: Fix retry logic for large accounts", true),
        ("Fix retry logic for large accounts", "AUT-127: Fix retry logic for large accounts", true),
    ])
    func ticketsApart(a: String, b: String, same: Bool) {
        let corpus = ["Ship the release", "Write the docs", "Fix the login page", "Update dependencies"]
        #expect((TaskSimilarity.score(a, b, among: corpus) > 0) == same)
        #expect((TaskSimilarity.score(b, a, among: corpus) > 0) == same)
    }

    @Test("a done mention naming only the key closes its task, not the other")
    func closedByKey() {
        let tasks = TaskTracker().tasks(from: Self.notes("## Next Steps\n\n- [x] AUT-127\n"))
        #expect(tasks.first { $0.title.hasPrefix("AUT-127") }?.status == .done)
        #expect(tasks.first { $0.title.hasPrefix("DAS-240") }?.status == .open)
    }

    @Test("without keys, the same words are still the same work")
    func sameWordsNoKeys() {
        let tasks = TaskTracker().tasks(from: Self.notes("## Next Steps\n\n- [ ] Fix retry logic for large accounts in the nightly job\n"))
        #expect(tasks.count == 2)
        let das = tasks.first { $0.mentions.first?.text.hasPrefix("DAS-240") == true }
        #expect(das?.mentions.map(\.session) == ["n1", "n2"])
    }

    /// cosmo-smoke's handoff lists `- [ ] ROAD-024: Goss migration tool`; three later notes report it done in
    /// other words ("ROAD-024 Goss migration", "Implement Goss migration tool (ROAD-024)"). While the key was
    /// read as the whole title, the task stayed open and was called "ROAD-024".
    @Test("a corpus roadmap item closed by the notes that name its key",
          .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
    func corpusRoadmap() throws {
        let files = ["handoffs/2026-04-16-session-handoff.md", "Session-2026-04-16-v0.3.0-assertion-pack.md",
                     "Session-002-v0.5.0-goss-migration-skipif-multienv.md", "Session-2026-04-18-v0.6.0-Connect-and-Verify.md"]
        let sessions = try files.map { file in
            var s = try Corpus.session("notes/cosmo-smoke/" + file)
            s.id = (file as NSString).lastPathComponent
            return s
        }
        let task = try #require(TaskTracker().tasks(from: sessions).first { $0.title.hasPrefix("ROAD-024") })
        #expect(task.title == "ROAD-024: Goss migration tool")
        #expect(task.status == .done)
        #expect(task.mentions.first?.kind == .open)
        #expect(task.mentions.count >= 2)
    }
}
