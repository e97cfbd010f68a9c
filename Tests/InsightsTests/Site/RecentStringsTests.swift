import Testing
@testable import InsightsSite

@Suite("Search index: repeated titles and snippets given by doc number")
struct RecentStringsTests {
    @Test("a repeat names the doc that first wrote it; short strings are always written out")
    func references() {
        var recent = RecentStrings(capacity: 4)
        #expect(recent.field("Emergency migration runbook", doc: 3) == "\"Emergency migration runbook\"")
        #expect(recent.field("Emergency migration runbook", doc: 9) == "3")
        #expect(recent.field("Emergency migration runbook", doc: 12) == "3")
        #expect(recent.field("P0 bug", doc: 13) == "\"P0 bug\"")
        #expect(recent.field("P0 bug", doc: 14) == "\"P0 bug\"")
        #expect(recent.field("Has \"quotes\" </script>", doc: 15) == "\"Has \\\"quotes\\\" \\u003c/script>\"")
        #expect(recent.field("Has \"quotes\" </script>", doc: 16) == "15")
    }

    @Test("only the last `capacity` distinct strings are remembered")
    func window() {
        var recent = RecentStrings(capacity: 2)
        _ = recent.field("first title here", doc: 0)
        _ = recent.field("second title here", doc: 1)
        _ = recent.field("third title here", doc: 2)
        #expect(recent.field("first title here", doc: 3) == "\"first title here\"")
        #expect(recent.field("third title here", doc: 4) == "2")
        #expect(recent.field("first title here", doc: 5) == "3")
    }
}
