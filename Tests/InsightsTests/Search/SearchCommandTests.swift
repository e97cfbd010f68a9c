import ArgumentParser
import Foundation
import Testing
import InsightsCore
import InsightsStore
@testable import InsightsCLI

/// `insights search` in-process: flags are validated with usage errors (exit 64), queries run against a journal.
@Suite("search command", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct SearchCommandTests {
    @Test("bad flags are usage errors (exit 64) with a clear message", arguments: [
        (["migration", "--since", "2026-13-01"], "--since '2026-13-01' is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31"),
        (["migration", "--since", "yesterday"], "--since 'yesterday' is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31"),
        (["migration", "--until", "2026-02-30"], "--until '2026-02-30' is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31"),
        (["migration", "--since", "2026-02-01", "--until", "2026-01-01"], "--since 2026-02-01 is after --until 2026-01-01"),
        (["migration", "--kind", "bug"], "--kind 'bug' is not a kind; use one of session, finding, friction, completed, task, update, takeaway"),
        (["migration", "--status", "maybe"], "--status 'maybe' is not a status; use open or done"),
        (["migration", "--limit", "0"], "--limit must be between 1 and 1000 (got 0)"),
        (["migration", "--limt", "3"], "unknown option '--limt'"),
        (["--json"], "say what to search for, e.g. `insights search migration`"),
    ])
    func badFlags(arguments: [String], message: String) {
        do {
            _ = try InsightsCommand.parseAsRoot(["search"] + arguments)
            Issue.record("\(arguments) parsed")
        } catch {
            #expect(InsightsCommand.exitCode(for: error).rawValue == 64)
            #expect(InsightsCommand.message(for: error) == message)
        }
    }

    @Test("flags parse into the search: kinds (commas, plurals), priority words, status words, tags")
    func parsing() throws {
        let c = try SearchCommand.parse(["timeout", "-flaky", "--kind", "findings,task", "--kind", "task",
                                         "--priority", "High", "--status", "done", "--tag", "#ledgerly"])
        #expect(c.queryText == "timeout -flaky")
        #expect(try c.kinds() == [.finding, .task])
        let p = try #require(try c.priorityFilter(.default))
        #expect(p.rank == 1 && p.words.starts(with: ["high", "p1"]))
        #expect(c.statusWords(.default).contains("complete") && c.statusWords(.default).first == "done")
        #expect(SearchCommand.tagName("#ledgerly") == "ledgerly")
        #expect(try SearchCommand.parse(["--", "-gamification", "migration"]).queryText == "-gamification migration")
    }

    @Test("running: results exit 0; '*' and an unknown priority exit 64; no SQLite text reaches the user")
    func running() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("insights-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = Journal(path: folder.path)
        let ingester = Ingester(journal: journal, vocabulary: .default, today: "2026-01-01")
        let report = try ingester.ingest(InputReader.read([try Corpus.path(Corpus.seed)], isLossy: false), isDryRun: false)
        #expect(report.added == 1)

        let ok = try SearchCommand.parse(["--journal", folder.path, "--json", "migrat*", "--kind", "task", "--priority", "P0"])
        try await ok.run()
        let results = try journal.openIndex(readOnly: true).search(SearchQuery("migrat*", kinds: [.task], priority: PriorityFilter(rank: 0, words: ["p0"])))
        #expect(results.hits.map(\.title) == ["Apply gamification config tables migration", "Fix migration tracking"])

        for arguments in [["*"], ["migration", "--priority", "someday"], ["'; DROP TABLE session; --", "NEAR("]] {
            let command = try SearchCommand.parse(["--journal", folder.path] + arguments)
            do {
                try await command.run()
                #expect(arguments.first == "'; DROP TABLE session; --", "\(arguments) should fail")
            } catch let code as ExitCode {
                #expect(code.rawValue == 64, "\(arguments)")
            }
        }
        #expect(try journal.openIndex(readOnly: true).counts().sessions == 1)
        _ = ok
    }
}
