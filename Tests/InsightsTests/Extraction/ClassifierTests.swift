import Testing
@testable import InsightsCore
@testable import InsightsMarkdown

@Suite("Classifiers")
struct ClassifierTests {
    @Test("section headings map to kinds", arguments: [
        ("Technical Findings", SectionKind.findings), ("What Went Wrong", .findings), ("What didn't work", .findings),
        ("Work Completed This Session", .completed), ("Wins", .completed), ("Remaining Work (Needs Archon Tasks)", .remaining),
        ("Next Steps", .remaining), ("Action Items", .remaining), ("Follow-ups", .remaining), ("TODO", .remaining),
        ("Update: P0 Blocker Resolved (17:47 UTC)", .update), ("Key Takeaway", .takeaways), ("Lessons Learned", .takeaways),
        ("Executive Summary", .summary), ("Related Documents", .reference),
    ])
    func sections(_ heading: String, _ kind: SectionKind) {
        #expect(SectionKind.classify(heading, .default) == kind)
    }

    @Test("headings that are not sections stay unclassified", arguments: [
        "Correct Archon Update Pattern", "Proposed Workflow Improvements", "Orchestrator Rules", "Blocker Protocol",
        "Migration Tracking Fixed",
    ])
    func notSections(_ heading: String) {
        #expect(SectionKind.classify(heading, .default) == nil)
    }

    @Test("finding categories come from the section's words")
    func categories() {
        #expect(SectionKind.findingCategory("Technical Findings", .default) == "technical")
        #expect(SectionKind.findingCategory("Process Findings", .default) == "process")
        #expect(SectionKind.findingCategory("What Went Wrong", .default) == "problem")
        #expect(SectionKind.findingCategory("Learnings", .default) == "learning")
    }

    @Test("a findings heading that names its subject is one finding")
    func subjectHeadings() {
        #expect(SectionKind.namesSubject("VPN issues", .default))
        #expect(!SectionKind.namesSubject("Issues", .default))
        #expect(!SectionKind.namesSubject("Technical Findings", .default))
        #expect(!SectionKind.namesSubject("Issues found during the deploy", .default))
    }

    @Test("dates in the forms notes write them", arguments: [
        ("Session Insights - December 17, 2025", "2025-12-17"), ("2025-12-17", "2025-12-17"),
        ("SESSION_NOTES_2025-11-20", "2025-11-20"), ("session_20251018_parse_error_fix", "2025-10-18"),
        ("SESSION_HANDOFF_2026_01_07", "2026-01-07"), ("17 Dec 2025", "2025-12-17"), ("Dec 17 2025", "2025-12-17"),
        ("2024/02/29", "2024-02-29"),
    ])
    func dates(_ text: String, _ date: String) {
        #expect(DateParser.firstDate(in: text) == date)
    }

    @Test("not dates", arguments: ["v0.9.0", "2023-02-30", "build 12345678", "Session 002", "1999 problems"])
    func notDates(_ text: String) {
        #expect(DateParser.firstDate(in: text) == nil)
    }

    @Test("dependencies", arguments: [
        ("Blocked by #1", [1]), ("depends on #2 and #3", [2, 3]), ("after #4", [4]), ("blocked by 5", [5]),
        ("Needs #2, #7", [2, 7]), ("run after deploy", []), ("Issue #12 is unrelated", []),
    ])
    func dependencies(_ text: String, _ numbers: [Int]) {
        #expect(ItemText.dependencies(in: text).numbers == numbers)
    }

    @Test("priorities keep their words and sort with P0..P3", arguments: [
        ("Fix login (P1)", "P1", 1), ("**High**: rotate keys", "High", 1), ("🔴 Flaky CI", "🔴", 1),
        ("Priority: Low", "Low", 3), ("[P0] outage", "P0", 0), ("critical path review", nil, nil),
        ("High availability setup", nil, nil),
    ] as [(String, String?, Int?)])
    func priorities(_ text: String, _ word: String?, _ rank: Int?) {
        #expect(ItemText.priorityWord(in: text, .default) == word)
        #expect(word.flatMap { Priority.rank($0, .default) } == rank)
    }

    @Test("titles lose numbering and a trailing severity")
    func titles() {
        let (title, severity) = ItemText.titleAndSeverity("1. Migration Tracking is Broken (P0 BLOCKER)", .default)
        #expect(title == "Migration Tracking is Broken")
        #expect(severity == "P0 BLOCKER")
        #expect(ItemText.titleAndSeverity("2. Gamification Schema Mismatch (Not Rename - Different Design)", .default).severity == nil)
    }

    @Test("labelled lines", arguments: [
        ("**Root Cause**: Unknown.", "Root Cause", "Unknown."), ("- **Impact:** none", "Impact", "none"),
        ("**Fix Required**:", "Fix Required", ""),
    ])
    func labelled(_ line: String, _ label: String, _ value: String) throws {
        let l = try #require(LabelledLine(Substring(line)))
        #expect(l.label == label)
        #expect(l.value == value)
    }

    @Test("bold text that is not a label", arguments: ["**Bold statement** with no colon", "plain: text", "**a b c d e f g**: too long a label"])
    func notLabelled(_ line: String) {
        #expect(LabelledLine(Substring(line)) == nil)
    }

    @Test("friction columns are mapped by meaning, not position")
    func frictionColumns() throws {
        let md = "| Fix | Problem | What I did |\n|---|---|---|\n| Use the hook | Pushed untested | Skipped tests |\n"
        let s = NoteParser().session(from: "# X 2026-01-01\n\n" + md, fileName: nil)
        let f = try #require(s.friction.first)
        #expect(f.problem == "Pushed untested")
        #expect(f.response == "Skipped tests")
        #expect(f.correction == "Use the hook")
    }

    @Test("status tables split done and open rows; a table with no status or friction meaning is left alone")
    func statusTables() {
        let md = """
            # Log 2026-01-02

            | Action | Owner | Priority | Status |
            |---|---|---|---|
            | Rotate keys | Ana | P1 | Open |
            | Add alert | Bo | P2 | ✅ Done |
            | Write runbook | Cy | High | Not done |

            | Metric | Value |
            |---|---|
            | Tests | 12 |
            """
        let s = NoteParser().session(from: md, fileName: nil)
        #expect(s.remaining.map(\.title) == ["Rotate keys", "Write runbook"])
        #expect(s.remaining.map(\.priorityRank) == [1, 1])
        #expect(s.completed.map(\.title) == ["Add alert"])
    }

    @Test("checkboxes anywhere, but not inside code")
    func checkboxes() {
        let md = "# N 2026-01-03\n\nSome text.\n\n- [ ] open one\n- [x] done one\n\n```\n- [ ] not a task\n```\n"
        let s = NoteParser().session(from: md, fileName: nil)
        #expect(s.remaining.map(\.title) == ["open one"])
        #expect(s.completed.map(\.title) == ["done one"])
    }

    @Test("front matter gives title, date and tags and keeps line numbers true")
    func frontMatter() throws {
        let md = "---\ntitle: Billing day\ndate: 2026-09-10\ntags: [db, Migrations]\n---\n\n## Next Steps\n- [ ] Backfill #ops\n"
        let s = NoteParser().session(from: md, fileName: "x.md")
        #expect(s.title == "Billing day")
        #expect(s.date == "2026-09-10")
        #expect(s.dateSource == "front-matter")
        #expect(s.tags == ["db", "migrations", "ops"])
        #expect(try #require(s.remaining.first).line == 8)
    }

    @Test("a phrase list finds the entry a scan of every entry would, in headings made of its own phrases")
    func phraseListMatchesScan() {
        let phrases = Vocabulary.default.phrases!
        for list in [phrases.sections, phrases.findingSections, phrases.findingCategories, phrases.frictionColumns,
                     phrases.tableColumns, phrases.openWords, phrases.doneWords] {
            let entries = list.entries
            // Each phrase alone, after a word, and each pair of neighbouring phrases run together.
            var headings = entries.map(\.words) + entries.map { ["the"] + $0.words + ["today"] }
            headings += zip(entries, entries.dropFirst()).map { $0.words + $1.words }
            headings += [[], ["nothing", "here"]]
            for words in headings {
                let scanned = entries.first { words.containsRun($0.words) }
                #expect(list.longest(in: words) == scanned, "\(words)")
                let shortOnly = entries.first { words.containsRun($0.words) && $0.words.count == 1 }
                #expect(list.longest(in: words) { $0.words.count == 1 } == shortOnly, "\(words)")
            }
        }
    }

    @Test("the hashtag pre-check turns away only notes that hold no #tag", arguments: [
        ("## Heading\n\nSee #12 and #3.\n", false), ("plain text, no marks\n", false), ("ends with #", false),
        ("#tag at the start\n", true), ("a #tag\n", true), ("an #été tag\n", true), ("R&D notes\n", true),
        ("&num;tag\n", true), ("# Title\n\n## Next Steps\n- [ ] fix #7\n", false),
    ])
    func hashtagPrecheck(markdown: String, may: Bool) {
        #expect(NoteExtractor.mayHoldHashtag(markdown) == may)
        // Whenever it says none, the walk finds none.
        if !may { #expect(NoteParser().session(from: markdown, fileName: nil).tags.isEmpty) }
    }

    @Test("an entity spelling # still starts a tag")
    func entityHashtag() {
        #expect(NoteParser().session(from: "# N 2026-01-03\n\nWork on &num;billing today.\n", fileName: nil).tags == ["billing"])
    }

    @Test("CRLF and a BOM change nothing")
    func crlfAndBOM() {
        let md = "# Notes 2026-02-03\n\n## TODO\n1. **Fix it** (P1)\n2. Then this - blocked by #1\n"
        let plain = NoteParser().session(from: md, fileName: nil)
        let windows = NoteParser().session(from: "\u{FEFF}" + md.replacingOccurrences(of: "\n", with: "\r\n"), fileName: nil)
        #expect(plain.remaining == windows.remaining)
        #expect(plain.title == windows.title)
    }
}
