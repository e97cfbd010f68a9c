import Foundation
import Testing
import InsightsCore

/// 10,000 synthetic notes (50,000 remaining items, 20,000 completed) tracked well under the budget.
@Suite("Task tracking performance")
struct TaskTrackerPerformanceTests {
    static func synthetic(notes: Int) -> [Session] {
        var rng = SplitMix(seed: 42)
        let vocabulary = (0..<4000).map { i in "w" + String(i, radix: 36) + ["ing", "er", "ion", "al", "ity"][i % 5] }
        func word() -> String {
            // Zipf-like: small indices much more frequent.
            let u = Double(rng.next() % 1_000_000) / 1_000_000
            return vocabulary[min(Int(pow(u, 3) * Double(vocabulary.count)), vocabulary.count - 1)]
        }
        var open: [String] = []
        var sessions: [Session] = []
        for n in 0..<notes {
            let date = String(format: "2020-%02d-%02d", n / 28 % 12 + 1, n % 28 + 1)
            var s = Session(id: "\(n)-synthetic", title: "Synthetic \(n)", date: date)
            for k in 0..<5 {
                let title: String
                if !open.isEmpty && rng.next() % 3 == 0 {
                    title = open[Int(rng.next() % UInt64(open.count))] + " " + word()   // the same work again, reworded
                } else {
                    title = (0..<(4 + Int(rng.next() % 5))).map { _ in word() }.joined(separator: " ")
                    open.append(title)
                }
                s.remaining.append(Remaining(number: k + 1, title: title, priority: "P\(k % 4)", priorityRank: k % 4,
                                             dependsOn: k == 1 ? [1] : [], line: 10 + k))
            }
            for k in 0..<2 where !open.isEmpty {
                s.completed.append(Completed(title: open[Int(rng.next() % UInt64(open.count))], status: "done", line: 40 + k))
            }
            if open.count > 2000 { open.removeFirst(500) }
            sessions.append(s)
        }
        return sessions
    }

    @Test("10,000 notes (~50k items) in under 1 s (release; debug builds get 20 s)")
    func tenThousandNotes() {
        let sessions = Self.synthetic(notes: Int(ProcessInfo.processInfo.environment["TASKS_BENCH_NOTES"] ?? "") ?? 10_000)
        let clock = ContinuousClock()
        var tasks: [TrackedTask] = []
        let elapsed = clock.measure { tasks = TaskTracker().tasks(from: sessions) }
        print("TaskTracker: \(sessions.count) notes, \(sessions.reduce(0) { $0 + $1.remaining.count + $1.completed.count }) items → \(tasks.count) tasks (\(tasks.filter { $0.mentions.count > 1 }.count) merged, \(tasks.filter { $0.status == .done }.count) done) in \(elapsed)")
        #expect(tasks.count < 50_000)
        #expect(tasks.count > 20_000)
        #if DEBUG
        #expect(elapsed < .seconds(20))
        #else
        #expect(elapsed < .seconds(1))
        #endif
    }
}

/// A small deterministic random generator for synthetic inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
