import Foundation
import Testing
import InsightsCore
@testable import InsightsMarkdown

/// cmark-gfm keeps its extensions' special characters in one table for the whole process; notes parsed on
/// every core at once must come out as each does alone (an ingest parses 32 notes at a time, a build renders
/// every page on every core).
@Suite("Concurrent parsing")
struct ConcurrentParseTests {
    static let text = """
        # Session 2026-01-05

        ## Findings
        - ~~Retry loop~~ fixed: see www.example.com/retries and https://example.org/a~b
        - A table cell with ~~struck~~ text:

        | Problem | Fix |
        |---|---|
        | ~~flaky~~ test | pinned www.example.net |

        Plain paragraph with ~single~ tildes, *emphasis* and `code~~`.
        """

    @Test("a note parsed and rendered on every core at once gives what it gives alone")
    func sameEverywhere() throws {
        let tree = MarkdownParser.parse(Self.text), html = MarkdownRenderer.html(Self.text)
        #expect(html.contains("<del>Retry loop</del>") && html.contains("<del>flaky</del>"))
        let results = try Parallel.map(Array(0..<4000)) { i in
            i % 2 == 0 ? (MarkdownParser.parse(Self.text) == tree ? "" : "tree \(i)")
                : (MarkdownRenderer.html(Self.text) == html ? "" : "html \(i)")
        }
        #expect(results.filter { !$0.isEmpty }.isEmpty, "\(results.filter { !$0.isEmpty }.prefix(5))")
    }
}
