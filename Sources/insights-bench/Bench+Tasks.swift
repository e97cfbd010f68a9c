import Foundation
import InsightsCore
import InsightsMarkdown

extension Bench {
    /// Generates and parses N notes, then times `TaskTracker` alone (wall and CPU of this thread, best of 3).
    static func tasks(_ n: Int) {
        var generator = NoteGenerator(seed: 20261125)
        let parser = NoteParser()
        let sessions = (0..<n).map { i in
            let note = generator.note(number: i)
            return parser.session(from: note.text, fileName: note.name)
        }
        let items = sessions.reduce(0) { $0 + $1.remaining.count + $1.completed.count }
        var best = (wall: Double.infinity, cpu: Double.infinity)
        var result: [TrackedTask] = []
        for _ in 0..<3 {
            let cpu0 = threadCPUSeconds()
            let wall = seconds { result = TaskTracker().tasks(from: sessions) }
            best = (min(best.wall, wall), min(best.cpu, threadCPUSeconds() - cpu0))
        }
        let done = result.filter { $0.status == .done }.count
        print("| figure | value |")
        print("|---|---|")
        print("| notes | \(n) (\(items) remaining + completed items) |")
        print("| tasks | \(result.count) (\(done) done, \(result.filter { $0.mentions.count > 1 }.count) merged) |")
        print("| TaskTracker (best of 3) | \(String(format: "%.0f", best.wall * 1000)) ms wall, \(String(format: "%.0f", best.cpu * 1000)) ms CPU |")
    }

    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
