import Foundation
import Testing
import InsightsCore
import InsightsStore
@testable import InsightsCLI

/// Journals for the brief, `new` and MCP tests, and failure clusters built from real notes for as long as
/// `Index.failures()` returns nothing on this branch.
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

    /// The reference note's process finding "Orchestrator Executed Instead of Delegating" with its friction rows
    /// and their "Correct Response" column as fixes (the first row: "Document blocker, create Archon task, ...").
    static func delegationCluster(_ s: Session) throws -> FailureCluster {
        let finding = try #require(s.findings.first { $0.title == "Orchestrator Executed Instead of Delegating" })
        let occurrences = [FailureOccurrence(session: s.id, date: s.date, kind: "finding", title: finding.title, text: finding.text, line: finding.line)]
            + s.friction.map { FailureOccurrence(session: s.id, date: s.date, kind: "friction", title: $0.problem, text: $0.response, line: $0.line) }
        return FailureCluster(id: "F-de1e9a", title: finding.title, sessions: 1, firstSeen: s.date, lastSeen: s.date,
                              status: .single, fixes: s.friction.map { FailureFix(session: s.id, date: s.date, line: $0.line, text: $0.correction) },
                              occurrences: occurrences, terms: ["orchestr", "deleg"])
    }

    /// JOURNAL-STORY F1 from the shipped journal's notes: schema changed outside dbmate, fixed on 2026-09-03
    /// ("Fix Required"), again on 2026-09-10 and 2026-10-06.
    static func schemaDriftCluster(_ index: Index) throws -> FailureCluster {
        let n2 = try #require(try index.session(id: "2026-09-03-session-insights"))
        let n4 = try #require(try index.session(id: "2026-09-10-schema-drift-and-the-ci-drift-check"))
        let n9 = try #require(try index.session(id: "2026-10-06-postmortem-payment-reconciliation-outage"))
        let first = try #require(n2.findings.first { $0.title == "Migration History Drifted From the Real Schema" })
        let again = try #require(n4.findings.first { $0.title == "Schema drift again" })
        let third = try #require(n9.findings.first { $0.title == "The schema was changed by hand in production, again." })
        let fix = try #require(first.fields["Fix Required"])
        let occurrences = [(n2, first), (n4, again), (n9, third)].map { s, f in
            FailureOccurrence(session: s.id, date: s.date, kind: "finding", title: f.title, text: f.text, line: f.line)
        }
        return FailureCluster(id: "F-5c4e3a", title: first.title, sessions: 3, firstSeen: n2.date, lastSeen: n9.date,
                              status: .recurredAfterFix, fixes: [FailureFix(session: n2.id, date: n2.date, line: first.line, text: fix)],
                              occurrences: occurrences, terms: ["schema", "drift", "dbmate"])
    }

    /// The index's failure clusters; when there are none (the clusterer is not on this branch yet), says so
    /// loudly and stores `fallback()` so the failure parts of the brief are still exercised.
    static func failures(_ index: Index, fallback: () throws -> [FailureCluster]) throws -> (clusters: [FailureCluster], isReal: Bool) {
        let real = try index.failures()
        if !real.isEmpty { return (real, true) }
        FileHandle.standardError.write(Data("⚠️  Index.failures() is EMPTY on this branch: the brief/MCP failure tests use clusters built from the notes by hand.\n".utf8))
        let clusters = try fallback()
        try index.write(sessions: []) { tx in try tx.replaceFailures(clusters) }
        return (clusters, false)
    }

    /// The built `insights` binary (`swift build` puts it in `.build/debug/`).
    static func binary() throws -> String {
        let path = Corpus.repo.appendingPathComponent(".build/debug/insights").path
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
