import Foundation
import Testing
import InsightsCore
import InsightsSite

/// Golden pages: a small note's session page and the tags page, compared byte for byte with reviewed files.
/// `INSIGHTS_RECORD=1 swift test --filter SiteGoldenTests` rewrites them and fails, so nothing is accepted unseen.
@Suite("Site golden pages")
struct SiteGoldenTests {
    static let note = """
        ---
        tags: [ci, db]
        ---
        # Flaky CI and a schema drift - 2026-02-03

        **Focus**: get CI green

        ## Technical Findings

        ### 1. Tests depend on wall-clock time (P1)

        **Root Cause**: `Date()` in fixtures.
        **Fix Required**: inject a clock.

        ## Friction Points

        | Friction | My Response | Correct Response |
        |---|---|---|
        | CI retried 3 times | Re-ran it | Read the failing test |

        ## Remaining Work

        1. **P0** Inject a clock into fixtures
        2. **P2** Document the drift check - Blocked by #1

        See [the runbook](https://example.org/runbook) and [a local file](../notes/x.md).
        """

    static let golden = Corpus.repo.appendingPathComponent("Tests/InsightsTests/Goldens/site-pages")

    @Test("session page and tags page match their goldens", arguments: ["sessions/2026-02-03-flaky-ci.html", "tags.html"])
    func page(_ path: String) throws {
        var note = SiteFixtures.note(Self.note, fileName: "2026-02-03-flaky-ci.md")
        note.session.id = "2026-02-03-flaky-ci"
        let out = try SiteFixtures.tempFolder("golden")
        _ = try SiteBuilder(options: SiteOptions(title: "Golden", baseURL: "/kb/")).build(SiteInput(notes: [note]), to: out)
        let actual = try SiteFixtures.read(out, path)
        let file = Self.golden.appendingPathComponent(path.replacingOccurrences(of: "/", with: "--"))
        if ProcessInfo.processInfo.environment["INSIGHTS_RECORD"] != nil {
            try actual.write(to: file, atomically: false, encoding: .utf8)
            Issue.record("recorded \(file.path): review it, then run again without INSIGHTS_RECORD")
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "\(path) differs from \(file.path); INSIGHTS_RECORD=1 rewrites it")
    }
}
