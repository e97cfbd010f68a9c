import Foundation
import Testing
import InsightsCore

/// Scratch measurement (INSIGHTS_BENCH=10000): clusters that many synthetic sessions and prints the time.
@Suite("Failure clustering speed")
struct FailureBenchTests {
    @Test("synthetic notes (INSIGHTS_BENCH=N)", .enabled(if: ProcessInfo.processInfo.environment["INSIGHTS_BENCH"] != nil))
    func synthetic() {
        let n = Int(ProcessInfo.processInfo.environment["INSIGHTS_BENCH"] ?? "") ?? 10_000
        var rng = SplitMix(seed: 42)
        // A Zipf-like vocabulary of 20,000 made-up words: a few frequent, most rare, as in real notes.
        let vocabulary = (0..<20_000).map { i in "w" + String(i, radix: 26).map { c in
            Character(UnicodeScalar(UInt8(ascii: "a") + (UInt8(String(c), radix: 26) ?? 0))) } + "x" }
        func word() -> String { vocabulary[min(vocabulary.count - 1, Int(pow(Double(vocabulary.count), rng.unit())) - 1)] }
        func text(_ k: Int) -> String { (0..<k).map { _ in word() }.joined(separator: " ") }
        let sessions = (0..<n).map { i in
            Session(id: "s\(i)", date: String(format: "2026-%02d-%02d", 1 + i % 12, 1 + i % 28),
                    findings: (0..<3).map { j in Finding(title: text(5), category: j == 0 ? "process" : "problem",
                                                         fields: ["What happened": text(40), "Root Cause": text(20)], text: "", line: 10 + j * 10, section: "Findings") },
                    friction: (0..<2).map { j in Friction(problem: text(5), response: text(6), correction: text(6), line: 50 + j, section: "Friction") },
                    takeaways: [Takeaway(title: text(8), text: text(20), line: 80)])
        }
        let start = Date()
        let clusters = FailureClusterer().clusters(sessions)
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "clustered %d sessions (%d candidates) into %d clusters in %.3f s", n, n * 6, clusters.count, seconds))
    }
}
