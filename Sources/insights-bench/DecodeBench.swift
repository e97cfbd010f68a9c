import Foundation
import InsightsStore

/// `insights-bench decode JOURNAL`: how long reading back every stored session, task and failure cluster of a
/// journal's index takes (the decoding a build and the read commands do), best of three.
enum DecodeBench {
    static func run(journal path: String) throws {
        let index = try Journal(path: path).openIndex(readOnly: true)
        func best(_ name: String, _ read: () throws -> Int) throws {
            var count = 0
            var times: [Double] = []
            for _ in 0..<3 { times.append(try Bench.seconds { count = try read() }) }
            print(String(format: "%@: %d in %.3f s", name, count, times.min() ?? 0))
        }
        try best("sessions") { try index.sessions().count }
        try best("tasks") { try index.tasks().count }
        try best("failures") { try index.failures().count }
    }
}
