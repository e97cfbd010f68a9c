import Foundation
import InsightsCore
import InsightsMarkdown

/// `insights-bench failures N`: N generated notes parsed with `NoteParser`, then `FailureClusterer` timed alone.
enum FailureBench {
    static func run(_ n: Int) {
        var generator = NoteGenerator(seed: 20261125)
        let parser = NoteParser()
        var sessions: [Session] = []
        let parse = Bench.seconds {
            sessions = (0..<n).map { i in
                let note = generator.note(number: i)
                var s = parser.session(from: note.text, fileName: note.name)
                s.id = note.name
                return s
            }
        }
        var grouping: FailureGrouping?
        let cluster = Bench.seconds { grouping = FailureClusterer().grouping(sessions) }
        let candidates = grouping?.candidates.count ?? 0
        let clusters = grouping?.clusters ?? []
        print("| figure | value |")
        print("|---|---|")
        print("| notes | \(n) (\(candidates) failure candidates) parsed in \(String(format: "%.2f", parse)) s |")
        print("| failure clustering | \(String(format: "%.3f", cluster)) s, \(clusters.count) clusters, "
              + "\(clusters.filter { $0.sessions >= 2 }.count) recurring |")
    }
}
