import Foundation
import Testing
import ArgumentParser
import InsightsCore
import InsightsStore
@testable import InsightsCLI

/// Pinned decisions: applied by the tracker, kept in the journal, surviving reindex.
@Suite("Pinned task decisions")
struct TaskDecisionTests {
    let sessions: [Session]
    let tasks: [TrackedTask]

    init() throws {
        sessions = try TaskFixtures.journal()
        tasks = TaskTracker().tasks(from: sessions)
    }

    func task(_ text: String, in list: [TrackedTask]) throws -> TrackedTask {
        try #require(list.first { $0.mentions.contains { $0.text == text } }, "no task mentions \(text)")
    }

    @Test("merge folds one task's mentions into another, which keeps its id and recomputes status")
    func merge() throws {
        let retries = try task("Retry failed outbound webhook deliveries with exponential backoff", in: tasks)
        let restart = try task("Webhook retries still lost on restart (reopened)", in: tasks)
        #expect(retries.id != restart.id)
        let merged = TaskTracker(decisions: [TaskDecision(action: .merge, task: restart.id, into: retries.id, date: "2026-10-21")]).tasks(from: sessions)
        #expect(merged.count == tasks.count - 1)
        #expect(!merged.contains { $0.id == restart.id })
        let t = try #require(merged.first { $0.id == retries.id })
        #expect(t.mentions.count == retries.mentions.count + restart.mentions.count)
        #expect(t.mentions.last?.session == sessions[12].id)
        #expect(t.priority == "P0")
        #expect(t.isReopened && t.status == .open)
    }

    @Test("made a run at a time, the tasks are the same: merges are followed and a dependency in another run still blocks")
    func runs() throws {
        let hack = try #require(tasks.first { $0.title.hasPrefix("Remove the 60 s dashboard cache hack") })
        let rewrite = try #require(hack.dependsOn.first)
        let retries = try task("Retry failed outbound webhook deliveries with exponential backoff", in: tasks)
        #expect(hack.status == .blocked && retries.status == .open)
        // The dependency merged into another open task: the hack now waits on that one.
        let decisions = [TaskDecision(action: .merge, task: rewrite, into: retries.id, date: "2026-10-21")]
        let drafts = TaskTracker(decisions: decisions).track(sessions.map(TaskInput.init))
        var inRuns: [TrackedTask] = []
        var runs = 0
        drafts.eachRun(of: 1) { run in
            #expect(run.count == 1)
            inRuns += run; runs += 1
        }
        let whole = drafts.tasks()
        #expect(runs == whole.count && whole.count == tasks.count - 1)
        #expect(inRuns.sorted { $0.id < $1.id } == whole.sorted { $0.id < $1.id })
        let merged = try #require(whole.first { $0.id == hack.id })
        #expect(merged.dependsOn == [retries.id] && merged.status == .blocked)
        #expect(!whole.contains { $0.id == rewrite })
    }

    @Test("split makes a mention start its own task; the rest keep the id")
    func split() throws {
        let env = try task("Env var docs", in: tasks)
        let m = env.mentions[2]
        let after = TaskTracker(decisions: [TaskDecision(action: .split, task: env.id, session: m.session, line: m.line, date: "2026-10-21")]).tasks(from: sessions)
        let kept = try #require(after.first { $0.id == env.id })
        #expect(!kept.mentions.contains(m))
        let alone = try task("Env var docs", in: after)
        #expect(alone.id != env.id)
        #expect(alone.mentions.first == m)
    }

    @Test("close marks done from its date; a later open mention reopens; reopen undoes a close")
    func closeAndReopen() throws {
        let env = try task("Env var docs", in: tasks)
        let closedEarly = TaskTracker(decisions: [TaskDecision(action: .close, task: env.id, date: "2026-10-01")]).tasks(from: sessions)
        let a = try #require(closedEarly.first { $0.id == env.id })
        #expect(a.status == .open && a.isReopened)   // N11 and N13 mention it again after the close
        let closedLate = TaskTracker(decisions: [TaskDecision(action: .close, task: env.id, date: "2026-10-21")]).tasks(from: sessions)
        let b = try #require(closedLate.first { $0.id == env.id })
        #expect(b.status == .done && b.resolvedOn == "2026-10-21" && b.resolvedIn == nil)
        #expect(b.evidence?.text == "closed by hand (insights task --close)")
        let reopened = TaskTracker(decisions: [TaskDecision(action: .close, task: env.id, date: "2026-10-21"),
                                               TaskDecision(action: .reopen, task: env.id, date: "2026-10-22")]).tasks(from: sessions)
        #expect(reopened.first { $0.id == env.id }?.status == .open)
    }

    static func run(_ args: [String]) async throws {
        var command = try InsightsCommand.parseAsRoot(args)
        if var async = command as? AsyncParsableCommand { try await async.run() } else { try command.run() }
    }

    @Test("a merge pinned with `insights task --merge` is written to the journal and survives reindex")
    func survivesReindex() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("insights-decisions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let journal = Journal(path: dir.path)
        let notes = Corpus.repo.appendingPathComponent("journal")
        let files = try FileManager.default.contentsOfDirectory(atPath: notes.path).filter { $0.hasSuffix(".md") }.sorted()
        try await Self.run(["ingest", "--journal", dir.path] + files.map { notes.appendingPathComponent($0).path })

        let before = try journal.openIndex(readOnly: true).tasks()
        let retries = try task("Retry failed outbound webhook deliveries with exponential backoff", in: before)
        let restart = try task("Webhook retries still lost on restart (reopened)", in: before)
        try await Self.run(["task", restart.id, "--merge", retries.id, "--journal", dir.path])

        let pinned = try journal.taskDecisions().decisions
        #expect(pinned.map(\.action) == [.merge])
        #expect(pinned.first?.task == restart.id && pinned.first?.into == retries.id)
        func check() throws {
            let now = try journal.openIndex(readOnly: true).tasks()
            #expect(now.count == before.count - 1)
            #expect(try journal.openIndex(readOnly: true).task(id: restart.id) == nil)
            let t = try #require(try journal.openIndex(readOnly: true).task(id: retries.id))
            #expect(t.mentions.contains { $0.text == "Webhook retries still lost on restart (reopened)" })
        }
        try check()
        try await Self.run(["reindex", "--journal", dir.path])
        try check()
        // Ids did not move: every other task keeps its id after reindex.
        let after = Set(try journal.openIndex(readOnly: true).tasks().map(\.id))
        #expect(after == Set(before.map(\.id)).subtracting([restart.id]))
    }
}
