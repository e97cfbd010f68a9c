import Foundation
import InsightsCore
import InsightsStore
@testable import InsightsCLI

/// `insights-bench`: performance figures printed as a table (not a test).
///
///   insights-bench generate N DIR        write N generated notes into DIR
///   insights-bench ingest N              cold ingest of N generated notes, then re-ingest unchanged
///   insights-bench tasks N               TaskTracker alone over N generated, parsed notes (ms)
///   insights-bench failures N            parse N generated notes, time failure clustering alone
///   insights-bench parse DIR [ROUNDS]    extraction alone on one core, with a digest of what it extracted
///   insights-bench store DIR [ROUNDS]    what an ingest makes of each parsed note, part by part, on one core
///   insights-bench decode JOURNAL        reading back every stored session, task and failure cluster
@main enum Bench {
    static func main() throws {
        let args = Array(CommandLine.arguments.dropFirst())
        switch args.first {
        case "generate":
            guard args.count == 3, let n = Int(args[1]) else { return usage() }
            try generate(n, into: args[2])
            print("wrote \(n) notes to \(args[2])")
        case "ingest":
            guard args.count >= 2, let n = Int(args[1]) else { return usage() }
            try ingest(n)
        case "fuzz":
            guard args.count >= 3, let secs = Double(args[1]) else { return usage() }
            try Fuzz.run(seconds: secs, seed: args.count > 3 ? UInt64(args[3]) ?? 1 : 1, corpus: args[2],
                         crashFile: NSTemporaryDirectory() + "insights-fuzz-last-input.md")
        case "failures":
            guard args.count == 2, let n = Int(args[1]) else { return usage() }
            FailureBench.run(n)
        case "search":
            guard args.count == 2 else { return usage() }
            try search(journal: args[1])
        case "parse":
            guard args.count >= 2 else { return usage() }
            try ParseBench.run(folder: args[1], rounds: args.count > 2 ? Int(args[2]) ?? 3 : 3)
        case "store":
            guard args.count >= 2 else { return usage() }
            try StoreBench.run(folder: args[1], rounds: args.count > 2 ? Int(args[2]) ?? 3 : 3)
        case "decode":
            guard args.count == 2 else { return usage() }
            try DecodeBench.run(journal: args[1])
        case "tasks":
            guard args.count >= 2, let n = Int(args[1]) else { return usage() }
            tasks(n)
        default:
            usage()
        }
    }

    static func usage() {
        FileHandle.standardError.write(Data("usage: insights-bench generate N DIR | ingest N | tasks N | failures N | parse DIR [ROUNDS] | store DIR [ROUNDS] | decode JOURNAL | search JOURNAL | fuzz SECONDS CORPUS [SEED]\n".utf8))
        exit(64)
    }

    static func generate(_ n: Int, into dir: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var generator = NoteGenerator(seed: 20261125)
        for i in 0..<n {
            let note = generator.note(number: i)
            try Data(note.text.utf8).write(to: URL(fileURLWithPath: dir + "/" + note.name))
        }
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// In-process search latency over an existing journal's index: 100 queries, p50 / p95.
    static func search(journal path: String) throws {
        let index = try Journal(path: path).openIndex(readOnly: true)
        let words = ["migration", "webhook", "timeout", "flaky", "retry", "cache", "deadlock", "schema", "pool",
                     "locale", "index", "export", "auth", "queue", "billing", "compaction", "delegating", "drift",
                     "cookie", "invoice"]
        let queries = (0..<100).map { i in i % 5 == 4 ? words[i % words.count] + " " + words[(i + 7) % words.count] : words[i % words.count] }
        let (p50, p95) = SearchBench.run(index: index, queries: queries)
        print(String(format: "%.1f / %.1f ms", p50, p95))
        if ProcessInfo.processInfo.environment["INSIGHTS_BENCH_SLOWEST"] != nil {
            for t in SearchBench.timings(index: index, queries: queries).sorted(by: { $0.ms > $1.ms }).prefix(10) {
                FileHandle.standardError.write(Data(String(format: "%6.2f ms  %@\n", t.ms, t.query).utf8))
            }
        }
    }

    /// Cold ingest of N notes into an empty journal, then the same again (nothing changed).
    static func ingest(_ n: Int) throws {
        let root = NSTemporaryDirectory() + "insights-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try generate(n, into: root + "/notes")
        let files = InputPaths.notes(under: root + "/notes")
        let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        let journal = Journal(path: root + "/journal")
        let ingester = Ingester(journal: journal, vocabulary: .default, today: "2026-01-01")
        var report = Ingester.Report()
        let cold = try seconds { report = try ingester.ingest(InputReader.lazily(files, isLossy: false), isDryRun: false) }
        let again = try seconds { _ = try ingester.ingest(InputReader.lazily(files, isLossy: false), isDryRun: false) }
        let mb = Double(bytes) / 1_048_576
        print("| figure | value |")
        print("|---|---|")
        print("| notes | \(n) (\(String(format: "%.1f", mb)) MB, \(report.added) added, \(report.failed) failed) |")
        print("| cold ingest | \(String(format: "%.2f", cold)) s = \(Int(Double(n) / cold)) notes/s, \(String(format: "%.1f", mb / cold)) MB/s |")
        print("| re-ingest unchanged | \(String(format: "%.3f", again)) s |")
    }
}
