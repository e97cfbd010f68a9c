import Foundation
import Testing
import InsightsCore
import InsightsMarkdown

/// The reference note alone: 12 remaining items become 12 tasks; its own Update closes the P0 blocker.
@Suite("Tasks from the reference note", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct TaskTrackerSeedTests {
    @Test("12 tasks; the Update closes \"Fix migration tracking\", so item 2 is open, not blocked")
    func withUpdate() throws {
        let s = try Corpus.session(Corpus.seed)
        let tasks = TaskTracker().tasks(from: [s])
        #expect(tasks.count == 12)
        let fix = try #require(tasks.first { $0.title == "Fix migration tracking" })
        #expect(fix.status == .done)
        #expect(fix.resolvedIn == "2025-12-17-session-insights")
        #expect(fix.resolvedOn == "2025-12-17")
        #expect(fix.evidence?.line == 216)
        #expect(fix.evidence?.kind == .done)
        #expect(fix.mentions.map(\.kind) == [.open, .done])
        let apply = try #require(tasks.first { $0.title == "Apply gamification config tables migration" })
        #expect(apply.dependsOn == [fix.id])
        #expect(apply.status == .open)
        #expect(apply.priority == "P0")
        #expect(tasks.filter { $0.status == .done }.count == 1)
        #expect(tasks.filter { $0.status == .blocked }.isEmpty)
        // Completed rows of the same note never close its own remaining items.
        #expect(tasks.allSatisfy { $0.mentions.filter { $0.kind == .done }.allSatisfy { $0.line == 216 } })
    }

    @Test("without the Update section, item 2 is blocked by the open item 1")
    func withoutUpdate() throws {
        let text = try Corpus.text(Corpus.seed)
        let cut = try #require(text.components(separatedBy: "## Update").first)
        #expect(cut.count < text.count)
        let s = NoteParser().session(from: cut, fileName: "SESSION_INSIGHTS-2025-12-17.md")
        let tasks = TaskTracker().tasks(from: [s])
        #expect(tasks.count == 12)
        let fix = try #require(tasks.first { $0.title == "Fix migration tracking" })
        #expect(fix.status == .open)
        let apply = try #require(tasks.first { $0.title == "Apply gamification config tables migration" })
        #expect(apply.status == .blocked)
        #expect(apply.dependsOn == [fix.id])
        #expect(tasks.filter { $0.status == .blocked }.map(\.title) == ["Apply gamification config tables migration"])
        // Same first mention and title: the same ids as with the update.
        let full = TaskTracker().tasks(from: [try Corpus.session(Corpus.seed)])
        #expect(Set(full.map(\.id)) == Set(tasks.map(\.id)))
    }

    @Test("priorities come from the note: P0 2, P1 6, P2 2, P3 2, sorted P0 first")
    func priorities() throws {
        let tasks = TaskTracker().tasks(from: [try Corpus.session(Corpus.seed)])
        #expect(tasks.map { $0.priorityRank ?? 9 } == [0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3])
    }
}
