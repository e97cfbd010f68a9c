import Testing
@testable import InsightsSite
import InsightsCore

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

@Suite("Search index: what the script knows and the index leaves out")
struct SearchIndexFormatTests {
    /// The kinds' numbers and the stop words are constants of `site.js`, not written in every index: they must
    /// be Swift's, in the same order.
    @Test("site.js lists the index's kinds in order and exactly the stop words")
    func scriptConstants() throws {
        let script = try #require(TemplateSet.defaults.files["site.js"])
        let kinds = "var KINDS = [" + SearchIndex.kinds.map { "'\($0)'" }.joined(separator: ", ") + "];"
        #expect(script.contains(kinds))
        let stop = "'" + Tokens.stopWords.sorted().joined(separator: " ") + "'.split(' ')"
        #expect(script.contains(stop))
    }

    @Test("a session page is its name and count when its name starts with its date; any other page is spelt out")
    func pageFields() {
        #expect(SearchIndex.pageField(("sessions/2026-09-03-session-insights.html", "2026-09-03", 23))
                == #"["2026-09-03-session-insights",23]"#)
        #expect(SearchIndex.pageField(("sessions/notes-2026-09-03.html", "2026-09-03", 4))
                == #"["sessions/notes-2026-09-03.html","2026-09-03",4]"#)
        #expect(SearchIndex.pageField(("sessions/2026-09-03-a.html", "2026-09-04", 1)) == #"["sessions/2026-09-03-a.html","2026-09-04",1]"#)
        #expect(SearchIndex.pageField(("tasks.html", "", 7)) == #"["tasks.html","",7]"#)
    }

    @Test("the table's words are Tokens.words' indexed words, on ASCII bytes and on any other text, each numbered once")
    func termTableWords() {
        var table = TermTable()
        var ids: [Int32] = []
        let texts = ["Fix the CSP headers: 404s, 404 and 5000 in x_y_z (P1) A b", "Naïve CAFÉ straße ΟΔΟΣ 404 İstanbul ✅done",
                     "fix FIX Fix headers", "", "a 12 1234 \(String(repeating: "z", count: 41)) \(String(repeating: "y", count: 40))"]
        var numbered: [String: Int32] = [:]
        for text in texts {
            table.indexedIDs(in: text, into: &ids)
            let expected = Tokens.words(text).filter { SearchIndex.hasIndexedShape($0) && !Tokens.stopWords.contains($0) }
            #expect(ids.map { table.word(Int($0)) } == expected, "\(text)")
            for id in ids { #expect(numbered.updateValue(id, forKey: table.word(Int(id))) ?? id == id) }
        }
        #expect(numbered["404"] != nil && numbered["csp"] != nil && numbered["naïve"] != nil && numbered["fix"] == nil)
        #expect(numbered[String(repeating: "y", count: 40)] != nil && numbered[String(repeating: "z", count: 41)] == nil)
    }
}
