import ArgumentParser
import Foundation
import Testing
import InsightsCore
import InsightsStore
@testable import InsightsCLI

/// Pinned decisions live in the journal (`failure-decisions.json`) and survive `insights reindex`.
@Suite("Failure pins", .serialized)
struct FailurePinTests {
    let journal: Journal

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insights-pins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let shipped = Corpus.repo.appendingPathComponent("journal")
        for file in try FileManager.default.contentsOfDirectory(atPath: shipped.path) where file.hasSuffix(".md") {
            try FileManager.default.copyItem(at: shipped.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
        journal = Journal(path: folder.path)
    }

    func run(_ arguments: [String]) async throws {
        var command = try InsightsCommand.parseAsRoot(arguments + ["--journal", journal.path])
        if var async = command as? AsyncParsableCommand { try await async.run() } else { try command.run() }
    }

    func failures() throws -> [FailureCluster] { try journal.openIndex(readOnly: true).failures() }

    func cluster(_ session: String, _ line: Int) throws -> FailureCluster {
        try #require(try failures().first { c in c.occurrences.contains { $0.session == session && $0.line == line } })
    }

    @Test("split, merge and not-recurring are written to the journal and survive reindex")
    func pinsSurviveReindex() async throws {
        defer { try? FileManager.default.removeItem(atPath: journal.path) }
        try await run(["ingest", journal.path])
        let push = try cluster("2026-09-03-session-insights", 83)
        let n = try #require(push.occurrences.firstIndex { $0.session == "2026-10-13-session-handoff-dunning-emails" && $0.line == 17 })
        try await run(["failure", push.id, "--split", "\(n + 1)"])
        #expect(try cluster("2026-10-13-session-handoff-dunning-emails", 17).occurrences.count == 1)

        let flaky = try cluster("2026-09-29-session-insights", 8)
        let widget = try cluster("2026-09-29-session-insights", 45)
        try await run(["failure", flaky.id, "--merge", widget.id])
        #expect(try cluster("2026-09-29-session-insights", 8).occurrences.contains { $0.line == 45 })

        let retries = try cluster("2026-10-06-postmortem-payment-reconciliation-outage", 49)
        try await run(["failure", retries.id, "--not-recurring"])
        #expect(try cluster("2026-10-06-postmortem-payment-reconciliation-outage", 49).sessions == 1)

        let decisions = try FailureDecisions(journal).load()
        #expect(decisions.map(\.action) == [.split, .merge, .notRecurring])
        #expect(decisions[0].occurrences == ["2026-10-13-session-handoff-dunning-emails#17"])

        try await run(["reindex"])
        #expect(try cluster("2026-10-13-session-handoff-dunning-emails", 17).occurrences.count == 1)
        #expect(try cluster("2026-09-29-session-insights", 8).occurrences.contains { $0.line == 45 })
        #expect(try cluster("2026-10-06-postmortem-payment-reconciliation-outage", 49).sessions == 1)
        // The rest of F2 still holds together.
        #expect(try cluster("2026-09-03-session-insights", 83).sessions >= 4)
    }

    @Test("a bad occurrence number is a usage error")
    func badSplit() async throws {
        defer { try? FileManager.default.removeItem(atPath: journal.path) }
        try await run(["ingest", journal.path])
        let any = try #require(try failures().first)
        await #expect(throws: ExitCode.self) { try await run(["failure", any.id, "--split", "999"]) }
    }
}
