import Testing
import InsightsCore

/// Work items taken in a session at a time (as the recompute reads them) make the same tasks.
@Suite("Task intake")
struct TaskIntakeTests {
    @Test("taken in one at a time, in the tracker's order or any other, the sessions make the same tasks")
    func sameTasks() throws {
        let sessions = try TaskFixtures.journal()
        let whole = TaskTracker().tasks(from: sessions)
        #expect(whole.count > 10)
        for order in [sessions.sorted { ($0.date, $0.id) < ($1.date, $1.id) }, sessions.reversed()] {
            var intake = TaskIntake()
            intake.reserve(sessions: order.count, items: 0)
            for s in order { intake.add(TaskInput(s)) }
            #expect(TaskTracker().track(intake).tasks() == whole)
        }
    }

    @Test("taking an input leaves an empty one with its id and date")
    func taken() {
        var input = TaskInput(id: "s1", date: "2026-10-01", tags: ["ci"],
                              completed: [TaskInput.Done(title: "Fix the flaky login test", line: 4)])
        let out = input.taken()
        #expect(out.completed.count == 1 && out.tags == ["ci"])
        #expect(input == TaskInput(id: "s1", date: "2026-10-01"))
    }
}
