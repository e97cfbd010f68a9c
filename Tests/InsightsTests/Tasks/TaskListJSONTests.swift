import Foundation
import Testing
import InsightsCore
@testable import InsightsCLI

/// `tasks --json` and `failures --json` print the index's stored JSON as it is; it must be what decoding and
/// filtering the tasks and failures gives, in the same order.
@Suite("Task and failure lists as JSON", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct TaskListJSONTests {
    @Test("tasks --json (open, --all, --status, --priority) and failures --json (recurring, --all) match the decoded lists")
    func matchesDecoded() throws {
        let (dir, journal) = try AgentFixtures.corpusJournal([Corpus.seed] + SearchFixture.ggltcg)
        defer { withExtendedLifetime(dir) {} }
        let index = try journal.openIndex(readOnly: true)
        let order = { (a: TrackedTask, b: TrackedTask) in (a.priorityRank ?? 9, a.firstSeen, a.id) < (b.priorityRank ?? 9, b.firstSeen, b.id) }
        let every = try index.tasks().sorted(by: order)
        func tasks(_ extra: [String]) throws -> [TrackedTask] {
            let r = try AgentFixtures.run(["tasks", "--journal", journal.path, "--json"] + extra)
            try #require(r.status == 0, "\(r.err)")
            return try JSONDecoder().decode([TrackedTask].self, from: Data(r.out.utf8))
        }
        #expect(every.contains { $0.status == .done } && every.contains { $0.status != .done })
        #expect(try tasks([]) == every.filter { $0.status != .done })
        #expect(try tasks(["--all"]) == every)
        #expect(try tasks(["--status", "done"]) == every.filter { $0.status == .done })
        #expect(try tasks(["--priority", "P1"]) == every.filter { $0.status != .done && $0.priorityRank == 1 })

        let clusters = try index.failures()
        func failures(_ extra: [String]) throws -> [FailureCluster] {
            let r = try AgentFixtures.run(["failures", "--journal", journal.path, "--json"] + extra)
            try #require(r.status == 0, "\(r.err)")
            return try JSONDecoder().decode([FailureCluster].self, from: Data(r.out.utf8))
        }
        #expect(try failures([]) == clusters.filter { $0.sessions >= 2 })
        #expect(try failures(["--all"]) == clusters)
    }
}
