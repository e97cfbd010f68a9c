import Foundation
import Testing
import InsightsCore
import InsightsStore
@testable import InsightsCLI

/// Journals for the brief, `new` and MCP tests, and the built binary.
enum AgentFixtures {
    /// A temporary copy of the shipped `journal/`, reindexed with `insights reindex`.
    static func shippedJournal() async throws -> (TempDir, Journal) {
        let dir = try TempDir()
        let path = dir.path + "/journal"
        try FileManager.default.copyItem(atPath: Corpus.repo.appendingPathComponent("journal").path, toPath: path)
        try? FileManager.default.removeItem(atPath: path + "/.insights")
        #expect(await CLI.run(["reindex", "--journal", path]) == 0)
        return (dir, Journal(path: path))
    }

    /// Corpus notes used with the reference note for the MCP journal.
    static let corpusNotes = [Corpus.seed, "notes/ggltcg/SESSION_NOTES_2025-11-20.md",
                              "notes/cosmo-smoke/Session-002-v0.5.0-goss-migration-skipif-multienv.md"]

    /// A temporary journal holding `notes` (corpus paths), ingested.
    static func corpusJournal(_ notes: [String] = corpusNotes) throws -> (TempDir, Journal) {
        let dir = try TempDir()
        let journal = Journal(path: dir.path + "/journal")
        let report = try Ingester(journal: journal, vocabulary: .default, today: "2026-01-01")
            .ingest(InputReader.read(try notes.map(Corpus.path), isLossy: false), isDryRun: false)
        #expect(report.added == notes.count)
        return (dir, journal)
    }

    /// The built `insights` binary: beside the running test bundle (`swift test` builds both into one folder,
    /// whatever `--scratch-path` says), else `.build/debug/`.
    static func binary() throws -> String {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundleDir.appendingPathComponent("insights").path,
                          Corpus.repo.appendingPathComponent(".build/debug/insights").path]
        let path = candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
        try #require(FileManager.default.isExecutableFile(atPath: path), "build first: swift build (needs \(path))")
        return path
    }

    /// Runs the built binary and returns its exit status, stdout and stderr.
    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
