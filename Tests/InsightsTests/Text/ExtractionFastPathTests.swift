import Foundation
import Testing
@testable import InsightsCore

/// The byte-level shortcuts of extraction (`ASCIIText`) answer as the Character-level code they stand in for,
/// on ASCII text and on the text around it: CR LF pairs, emoji, curly apostrophes, non-ASCII white space.
@Suite("Extraction fast paths")
struct ExtractionFastPathTests {
    @Test("note lines end at LF and at CR LF, never at a lone CR", arguments: [
        ("a\r\nb\n\r\nc\r", ["a", "b", "", "c\r"]),
        ("one", ["one"]),
        ("", [""]),
        ("x\r\r\ny\n", ["x\r", "y", ""]),
        ("✅ done\r\n🔴 open", ["✅ done", "🔴 open"]),
        ("\nx", ["", "x"]), ("\r\n", ["", ""]), ("\n\n", ["", "", ""]), ("\u{FEFF}a\r\nb", ["a", "b"]),
        ("e\u{301}\r\nnaïve\n", ["e\u{301}", "naïve", ""]),
    ])
    func lines(text: String, expected: [String]) {
        #expect(NoteText(text).lines.map(String.init) == expected)
    }

    @Test("priority words, with and without the shortcut's tell-tales", arguments: [
        ("Fix the login (high)", "high"),
        ("Fix the highlight flow below", nil),
        ("🔴 Fix it now", "🔴"),
        ("Rotate keys — p1", "P1"),
        ("Rotate keys: ’P2’ next", "’P2’"),  // the word as written, curly quotes and all
        ("**Critical** outage follow-up", "Critical"),
        ("Priority low: tidy the docs", "low"),
        ("Nothing to see here", nil),
        ("Stop at p4 or P-0", nil),
    ])
    func priorityWords(text: String, expected: String?) {
        #expect(ItemText.priorityWord(in: text, .default) == expected)
    }

    @Test("normalising: lowercase words, apostrophes dropped, one space between", arguments: [
        ("Don't  Panic!", "dont panic"),
        ("  Next Steps (P0)  ", "next steps p0"),
        ("Ça va — l’été", "ça va lété"),
        ("✅ Done", "✅ done"),
        ("", ""),
    ])
    func normalize(text: String, expected: String) {
        #expect(Vocabulary.normalize(text) == expected)
    }

    @Test("dates need a year; ASCII and Unicode headings read the same", arguments: [
        ("Session Insights - December 17, 2025", "2025-12-17"),
        ("Session Insights — December 17, 2025", "2025-12-17"),
        ("## 17 Dec 2025 ✅", "2025-12-17"),
        ("Sprint 12 review", nil),
        ("SESSION 20251018 CHANGE LOG", "2025-10-18"),
    ])
    func dates(text: String, expected: String?) {
        #expect(DateParser.firstDate(in: text) == expected)
    }

    @Test("a multi-entry log is suspected from dated headings and setext underlines only")
    func mayHaveEntries() {
        #expect(EntrySplitter.mayHaveEntries("## 2026-01-02\nx\n## 2026-01-03\ny", mode: .auto))
        #expect(!EntrySplitter.mayHaveEntries("## 2026-01-02\nx\n## Notes\ny", mode: .auto))
        #expect(EntrySplitter.mayHaveEntries("## 2026-01-02\nx", mode: .entries))
        #expect(EntrySplitter.mayHaveEntries("Title\n  ===\n", mode: .auto))
        #expect(!EntrySplitter.mayHaveEntries("a = b\n", mode: .auto))
        #expect(!EntrySplitter.mayHaveEntries("## 2026-01-02\nx\n## 2026-01-03\ny", mode: .none))
    }

    @Test("labelled lines and item text splitting")
    func labelledLines() {
        #expect(LabelledLine("- **Root Cause**: the cache")?.label == "Root Cause")
        #expect(LabelledLine("\u{00A0}**Impact:** none")?.value == "none", "non-ASCII white space is still trimmed")
        #expect(LabelledLine("Plain text: not a label") == nil)
        #expect(ItemText.split("Add security headers - CSP, X-Frame-Options") == ("Add security headers", "CSP, X-Frame-Options"))
        #expect(ItemText.split("Add security headers — CSP") == ("Add security headers", "CSP"))
        #expect(ItemText.dependencies(in: "Deploy (blocked by #1 and #3)").numbers == [1, 3])
        #expect(ItemText.dependencies(in: "Déployer — depends on #2").numbers == [2])
        // The pre-checks only turn away what the full reading would find nothing in.
        #expect(ItemText.dependencies(in: "Deploy; BLOCKED BY #4").numbers == [4])
        #expect(ItemText.dependencies(in: "Ship it, Needs #5").numbers == [5])
        #expect(ItemText.dependencies(in: "Wire the export after: the data migration").texts == [])
        #expect(ItemText.dependencies(in: "Wire the export, Depends On the data migration").texts == ["the data migration"])
        #expect(!ItemText.mayNameDependency("Add security headers - CSP, X-Frame-Options"))
        #expect(!ItemText.mayNameDependency(""))
        #expect(ItemText.mayNameDependency("Wait for REQUIRES"))
        #expect(ItemText.mayNameDependency("é"), "text that is not ASCII is always read")
        #expect(LabelledLine("- **Root Cause** none") == nil)
        #expect(LabelledLine("- __Impact__: none")?.label == "Impact")
        #expect(LabelledLine("- Root * Cause: _none_") == nil)
        #expect(!LabelledLine.hasDoubledMark("- a * b _ c: d".utf8[...]))
        #expect(LabelledLine.hasDoubledMark("x **y**".utf8[...]))
        for (text, isPriority) in [("[P0] Fix it", true), ("  (High): Fix it", true), ("P1: Fix it", true), ("Fix it", false),
                                   ("High availability setup", true), ("nice to have: x", false), ("🔴 Fix it", nil),
                                   ("", false), ("[", false), ("Crit'ical - x", true)] as [(String, Bool?)] {
            #expect(ItemText.asciiLeadingWordIsPriority(text, .default) == isPriority, "\(text)")
        }
        #expect(ItemText.leadingPriority("[P0] Fix it", .default)?.word == "P0")
        for text in ["  P1: Fix it ", "Fix it (High)", "1. Fix it", "Fix it", "", "   ", "Fix [x]", "Fix it\r\n", "7", "4)", "(P2)",
                     "x ( minor )", "1: [ ] (low)", "Fix ) it (", "]", "99 problems (P3) ", "Ship [P1", "1.2.3 release (Critical)"] {
            let (title, severity) = ItemText.titleAndSeverity(text, .default)
            let read = ItemText.titleAndSeverity(text, .default, checksBytes: false)
            #expect(title == read.title && severity == read.severity, "\(text)")
        }
        func rank(_ word: String, _ vocabulary: Vocabulary = .default) -> Int?? {
            var word = word
            return word.withUTF8 { vocabulary.priorityRank(ascii: $0) }
        }
        #expect(rank("[P0]") == .some(0) && rank("High:") == .some(1) && rank("nice_to_have") == .some(3))
        #expect(rank("Fix") == .some(nil) && rank("") == .some(nil) && rank("p'0") == .some(0))
        #expect(rank("a_very_long_word_past_16") == nil && rank("é") == nil && rank("🔴") == nil)
        var override = VocabularyOverride()
        override.priorities = ["Someday": 3]
        #expect(rank("someday", Vocabulary.default.merged(with: override)) == .some(3) && rank("someday") == .some(nil))
        var stems = TaskSimilarity.StemCache()
        for title in ["A-1-2", "AB-12-CD-34", "a-1b", "x_WEB-101", "WEB--101", "WEB-101_", "-1 A- B-", "T-9", "Fix WEB-101: retry"] {
            var fresh = TaskSimilarity.StemCache(), read = TaskSimilarity.StemCache()
            #expect(TaskSimilarity.words(title, stems: &fresh)
                    == Tokens.words(TaskSimilarity.joinIdentifiers(title, checks: false)).compactMap { read.form($0) }, "\(title)")
        }
        for text in [" - x", "- - x ", ":|x", "--", "", "  ", "— x", "-\u{301}x", "x\u{301}", " \u{301}", "-\r\nx", "\r\n- x \r\n", "- é ", "| x\u{00A0}"] {
            #expect(ItemText.dropLeadingSeparator(text) == ItemText.dropLeadingSeparator(text, checksBytes: false), "\(text.debugDescription)")
        }
        let sample = "Env_Var docs for ROAD-034, an 0123456789abcdefXYZ word and a_sixteen_bytes_"
        var readStems = TaskSimilarity.StemCache()
        let forms = TaskSimilarity.words(sample, stems: &stems)
        #expect(forms == Tokens.words(TaskSimilarity.joinIdentifiers(sample)).compactMap { readStems.form($0) })
        #expect(forms.contains("document") && forms.contains("road034") && !forms.contains("for"))
        #expect(stems.shortForms.count == 8 && stems.forms.count == 1, "only the 19-byte word in the String table")
        #expect(ShortWord(UnsafeBufferPointer(start: nil, count: 0)) == ShortWord(normalizing: "!!".utf8))
        #expect(ShortWord(normalizing: "Don't  Panic!".utf8) == ShortWord(normalizing: "dont panic".utf8))
        #expect(ShortWord(normalizing: "0123456789abcdef".utf8) != nil && ShortWord(normalizing: "0123456789abcdefg".utf8) == nil)
        #expect(ItemText.asciiTitleAndSeverity(" 2) Fix it (P1) ", .default)! == ("Fix it", "P1"))
        #expect(ItemText.asciiTitleAndSeverity("3. [High]: Fix [it]", .default)! == ("Fix [it]", "High"))
        #expect(ItemText.asciiTitleAndSeverity("12 monkeys (see notes)", .default)! == ("12 monkeys (see notes)", nil))
        #expect(ItemText.asciiTitleAndSeverity("Fix é", .default) == nil && ItemText.asciiTitleAndSeverity("a\r\nb", .default) == nil)
        for (text, may) in [("Raise to P3", true), ("p4 and p9", false), ("HIGH load", true), ("hig", false), ("Lo w", false),
                            ("urgen", false), ("Cri'tical", true), ("🔴 x", true), ("café", false), ("medium", true)] {
            #expect(ItemText.mayHoldPriorityWord(text) == may, "\(text)")
            #expect(ItemText.mayHoldPriorityWord(text, checksBytes: false) == may, "\(text)")
        }
        #expect(ItemText.asciiMayHoldPriorityWord(UnsafeBufferPointer(start: nil, count: 0)) == false)
        #expect("0123456789abcdef0".isAllASCII && !"0123456789abcdeé".isAllASCII && "".isAllASCII)
        #expect(!"0123456789abcdef0123é"[...].isAllASCII)
        for (text, n) in [("abc", 2), ("abc", 9), ("ab\r\nc", 3), ("abe\u{301}x", 3), ("abé", 2), ("", 1), ("a🔴b", 2)] {
            #expect(text.characterPrefix(n) == String(text.prefix(n)), "\(text) \(n)")
        }
        #expect(TaskSimilarity.joinIdentifiers("Close ROAD-034 and T-9 - then ship") == "Close ROAD034 and T9 - then ship")
        #expect(!TaskSimilarity.mayHoldIdentifier("Retry - backoff -9 a- -b"))
        #expect(TaskSimilarity.mayHoldIdentifier("x-1"))
        #expect(!TaskSimilarity.mayHoldIdentifier("-1") && !TaskSimilarity.mayHoldIdentifier("x-"))
    }

    @Test("dependencies, labels, titles, priority words, title words and phrase words read the same with and without their fast paths, on every corpus note's lines")
    func preChecksOnCorpus() throws {
        var lines = 0, turnedAway = 0
        var stems = TaskSimilarity.StemCache(), readStems = TaskSimilarity.StemCache()
        for (path, text) in try WordSplittingTests.corpusNotes() {
            for line in text.split(separator: "\n") {
                let checked = ItemText.dependencies(in: String(line)), read = ItemText.dependencies(in: String(line), checksCues: false)
                #expect(checked.numbers == read.numbers && checked.texts == read.texts, "\(path): \(line)")
                let label = LabelledLine(line), readLabel = LabelledLine(line, checksMarks: false)
                #expect(label?.label == readLabel?.label && label?.value == readLabel?.value, "\(path): \(line)")
                if let isPriority = ItemText.asciiLeadingWordIsPriority(String(line), .default), !isPriority {
                    #expect(ItemText.leadingPriority(String(line), .default, checksBytes: false) == nil, "\(path): \(line)")
                }
                #expect(TaskSimilarity.joinIdentifiers(String(line)) == TaskSimilarity.joinIdentifiers(String(line), checks: false),
                        "\(path): \(line)")
                let title = ItemText.titleAndSeverity(String(line), .default)
                let readTitle = ItemText.titleAndSeverity(String(line), .default, checksBytes: false)
                #expect(title.title == readTitle.title && title.severity == readTitle.severity, "\(path): \(line)")
                #expect(ItemText.mayHoldPriorityWord(String(line)) == ItemText.mayHoldPriorityWord(String(line), checksBytes: false),
                        "\(path): \(line)")
                #expect(line.isAllASCII == line.utf8.allSatisfy { $0 < 0x80 }, "\(path): \(line)")
                #expect(ItemText.dropLeadingSeparator(String(line)) == ItemText.dropLeadingSeparator(String(line), checksBytes: false),
                        "\(path): \(line)")
                for n in [0, 1, 40, 300] { #expect(line.characterPrefix(n) == String(line.prefix(n)), "\(path): \(line)") }
                for word in line.split(separator: " ").prefix(6) {
                    let known = word.utf8.withContiguousStorageIfAvailable { Vocabulary.default.priorityRank(ascii: $0) } ?? nil
                    if let known { #expect(known == Vocabulary.default.priorities[Vocabulary.normalize(String(word))], "\(path): \(word)") }
                }
                // Twice through the same caches: once filling them, once reading them.
                for _ in 0..<2 {
                    #expect(TaskSimilarity.words(String(line), stems: &stems)
                            == Tokens.words(TaskSimilarity.joinIdentifiers(String(line))).compactMap { readStems.form($0) }, "\(path): \(line)")
                }
                #expect(PhraseIndex.words(String(line)) == Vocabulary.normalize(String(line)).split(separator: " ").map(String.init),
                        "\(path): \(line)")
                lines += 1
                if !ItemText.mayNameDependency(String(line)) { turnedAway += 1 }
            }
        }
        #expect(lines > 5_000 && turnedAway > lines / 2)
    }
}

/// `Tokens.words` scalar by scalar gives what lowercasing the whole text first gave, on every corpus note.
@Suite("Word splitting")
struct WordSplittingTests {
    /// The original definition: the whole text lowercased, then split on scalars that are not letters or digits.
    static func reference(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                out.append(current); current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    @Test("hard cases: dotted capital I, final sigma, ligatures, emoji, digits in other scripts")
    func hardCases() {
        for text in ["İstanbul ΟΔΟΣ straße ﬁne ✅done Ⅻ ١٢٣ DON'T_stop", "Ǆemal ǅ ǆ", "", "🔴"] {
            #expect(Tokens.words(text) == Self.reference(text), "\(text)")
        }
    }

    /// Every corpus note: its path in the corpus and its text.
    static func corpusNotes() throws -> [(file: String, text: String)] {
        let root = try #require(Corpus.root, "../shared/corpus/ is absent")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        return try files.map { ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test("slugs of ASCII text by bytes are the Unicode path's: every corpus line, and the edge bytes")
    func slugs() throws {
        var lines = 0
        for (file, text) in try Self.corpusNotes() {
            for line in text.split(separator: "\n") where line.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(Slug.asciiSlug(String(line)) == Slug.unicodeSlug(String(line)), "\(file): \(line)")
                lines += 1
            }
        }
        #expect(lines > 5_000)
        let every = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        #expect(Slug.asciiSlug(every) == Slug.unicodeSlug(every))
        #expect(Slug.make("Fix: Migration Tracking (P0)!") == "fix-migration-tracking-p0")
        #expect(Slug.make("Café — ÉTÉ 2026") == "cafe-ete-2026")
    }

    @Test("every corpus note splits the same")
    func corpus() throws {
        var words = 0
        for (file, text) in try Self.corpusNotes() {
            let split = Tokens.words(text)
            #expect(split == Self.reference(text), "\(file)")
            words += split.count
        }
        #expect(words > 50_000)
    }
}
