import Foundation
import Testing
import InsightsCore
import InsightsMarkdown
import InsightsStore
@testable import InsightsCLI

/// Multi-entry logs: which real files split, into how many entries, with the original file's line numbers;
/// a grown log adds only its new entries; `--split none` keeps one session; reindex reads the log the same way.
@Suite("Multi-entry logs", .enabled(if: Corpus.isPresent, "needs ../shared/corpus/"))
struct MultiEntryLogTests {
    static let misc = "notes/misc/"

    func entries(_ path: String, mode: SplitMode = .auto) throws -> [Session] {
        NoteParser().entrySessions(from: try Corpus.text(Self.misc + path), fileName: path, mode: mode)
    }

    // Counted by hand with `grep -n '^#' FILE` and reading each file:
    // - open-christian-data/LAST_SESSION.md: `# OCD Last Session Log`, then five `## 2026-04-01 — ...` headings
    //   (lines 7, 38, 77, 112, 147) and no other `##` → 5 entries.
    // - open-christian-data/PROJECT_JOURNAL.md: `# OCD Project Journal`, then fifteen `## 2026-03-31 ...` /
    //   `## 2026-04-01 ...` headings (lines 7, 28, 49, 73, 91, 125, 166, 205, 230, 264, 311, 340, 355, 378, 398;
    //   the `###` under line 264 belong to that entry) → 15 entries.
    // - clood/LAST_SESSION.md: one dated note (`**Date:** 2025-12-25`), no heading carries a date → 0 (one session).
    // - flutter/Postmortem-...: `### 2023-08-25` and `### 2023-08-26` sit under `## Timeline`, a section rather
    //   than the title, so they are a timeline, not log entries → 0 (one session).
    // - the other misc notes (big-mood-detector, clood/CHIMBORAZO_LESSONS, pyscotch, ructf-2023, convert-pheno)
    //   have at most one dated heading → 0.
    @Test("real logs split into the hand-counted number of entries", arguments: [
        ("open-christian-data/LAST_SESSION.md", 5),
        ("open-christian-data/PROJECT_JOURNAL.md", 15),
        ("clood/LAST_SESSION.md", 0),
        ("flutter/Postmortem-flutter.dev-outage-on-August-26-2023.md", 0),
        ("pyscotch/FINDINGS.md", 0),
        ("ructf-2023/POSTMORTEM.md", 0),
        ("big-mood-detector/AGENT_HANDOFF_DETAILED_REPORT.md", 0),
        ("clood/CHIMBORAZO_LESSONS.md", 0),
    ])
    func counts(path: String, expected: Int) throws {
        #expect(try entries(path).count == expected)
    }

    /// Regression: tickdatapipeline notes open with a stack of dated `#` lines (`# SESSION 20251003_1430 CHANGE
    /// LOG`, `# Date: 2025-10-03`, `# Session: 20251003_1430 - ...`), which split every one of them in three.
    @Test("one-session notes of the corpus series never split (a stack of dated header lines is not a log)")
    func seriesDoNotSplit() throws {
        let root = try Corpus.path("notes")
        var checked = 0
        for folder in ["tickdatapipeline", "cosmo-smoke", "ggltcg"] {
            for file in InputPaths.notes(under: root + "/" + folder) {
                let text = try String(contentsOfFile: file, encoding: .utf8)
                let sessions = NoteParser().entrySessions(from: text, fileName: file, mode: .auto)
                #expect(sessions.isEmpty, "\(file) split into \(sessions.count)")
                checked += 1
            }
        }
        #expect(checked > 40)
    }

    @Test("each entry keeps its own line range, date and title; items carry the original file's line numbers")
    func lineRanges() throws {
        let sessions = try entries("open-christian-data/PROJECT_JOURNAL.md")
        #expect(sessions.map { $0.entry?.startLine ?? 0 } == [7, 28, 49, 73, 91, 125, 166, 205, 230, 264, 311, 340, 355, 378, 398])
        let backlog = try #require(sessions.first { $0.id == "2026-03-31-opus-code-review-backlog" })
        #expect(backlog.date == "2026-03-31")
        #expect(backlog.dateSource == "entry")
        #expect(backlog.title == "2026-03-31 — Opus Code Review Backlog")
        #expect(backlog.entry?.endLine == 162, "trailing blank lines and the `---` before the next entry are not part of it")
        let lines = try Corpus.text(Self.misc + "open-christian-data/PROJECT_JOURNAL.md")
            .split(separator: "\n", omittingEmptySubsequences: false)
        let first = try #require(backlog.remaining.first)
        #expect((125...162).contains(first.line))
        #expect(lines[first.line - 1].contains(first.title.prefix(12)), "line \(first.line) is the item's line in the whole file")
        // Two entries share a heading ("SWORD Commentaries + Daily Light Devotional", lines 91 and 205).
        #expect(sessions.filter { $0.id.hasPrefix("2026-03-31-sword-commentaries-daily-light-devotional") }.count == 2)
    }

    @Test("--split none keeps a log as one session, remembered by reindex; --split auto splits it again")
    func splitNone() async throws {
        let dir = try TempDir()
        let log = try Corpus.path(Self.misc + "open-christian-data/LAST_SESSION.md")
        #expect(await CLI.run(["ingest", "--journal", dir.path + "/j", "--split", "none", log]) == 0)
        let journal = Journal(path: dir.path + "/j")
        #expect(try journal.openIndex(readOnly: true).sessions().count == 1)
        #expect(await CLI.run(["reindex", "--journal", dir.path + "/j"]) == 0)
        #expect(try journal.openIndex(readOnly: true).sessions().count == 1, "reindex keeps --split none")
        #expect(await CLI.run(["ingest", "--journal", dir.path + "/j", "--split", "auto", log]) == 0)
        let split = try journal.openIndex(readOnly: true).sessions()
        #expect(split.count == 5, "the same log split: the whole-note session is replaced by its entries")
        #expect(Set(split.map(\.source)) == [URL(fileURLWithPath: log).standardizedFileURL.path])
        #expect(dir.files(in: "j").filter { $0.hasSuffix(".md") }.count == 1, "the log is kept once, in the file it had")
    }

    @Test("a grown log adds only its new entries, an edited entry updates in place, and reindex agrees")
    func grownLog() throws {
        let dir = try TempDir()
        let original = try Corpus.text(Self.misc + "open-christian-data/LAST_SESSION.md")
        let path = try dir.write("ocd/LAST_SESSION.md", original)
        let journal = Journal(path: dir.path + "/j")
        let ingester = Ingester(journal: journal, vocabulary: .default, today: "2026-11-25")
        let first = try ingester.ingest(InputReader.read([path], isLossy: false), isDryRun: false)
        #expect(first.added == 5)

        // Newest first: a new entry goes on top, which moves every older entry down by six lines.
        let newEntry = "## 2026-04-02 — Release checklist\n\n### Next Steps\n- [ ] Tag v1.0 after the CI run\n\n---\n\n"
        let grown = original.replacingOccurrences(of: "## 2026-04-01 — CI pipeline", with: newEntry + "## 2026-04-01 — CI pipeline")
        try dir.write("ocd/LAST_SESSION.md", grown)
        let second = try ingester.ingest(InputReader.read([path], isLossy: false), isDryRun: false)
        #expect((second.added, second.updated, second.unchanged) == (1, 0, 5))
        #expect(second.files.first?.id == "2026-04-02-release-checklist")
        #expect(second.files.first?.lines == "7-10")
        #expect(second.files.first?.counts?.remaining == 1)
        let index = try journal.openIndex(readOnly: true)
        let moved = try #require(try index.session(id: "2026-04-01-ci-pipeline-github-actions"))
        #expect(moved.entry?.startLine == 7 + 7, "a moved entry's line range follows the log (7 new lines above it)")

        let edited = grown.replacingOccurrences(of: "## 2026-04-01 — KJV verse index + dynamic OSIS oracle\n",
                                                with: "## 2026-04-01 — KJV verse index + dynamic OSIS oracle\n\n- [ ] Re-run the oracle on the Apocrypha\n")
        #expect(edited != grown)
        try dir.write("ocd/LAST_SESSION.md", edited)
        let third = try ingester.ingest(InputReader.read([path], isLossy: false), isDryRun: false)
        #expect((third.added, third.updated, third.unchanged) == (0, 1, 5))
        #expect(third.files.first { $0.status == .updated }?.id == "2026-04-01-kjv-verse-index-dynamic-osis-oracle")
        #expect(try index.counts().sessions == 6)
        #expect(try index.session(id: "2026-04-01-kjv-verse-index-dynamic-osis-oracle")?.remaining.map(\.title)
                .contains("Re-run the oracle on the Apocrypha") == true)

        // An entry deleted from the log leaves the index.
        let shrunk = edited.replacingOccurrences(of: newEntry, with: "")
        try dir.write("ocd/LAST_SESSION.md", shrunk)
        let fourth = try ingester.ingest(InputReader.read([path], isLossy: false), isDryRun: false)
        #expect(fourth.unchanged == 5)
        #expect(try index.session(id: "2026-04-02-release-checklist") == nil)
        #expect(dir.files(in: "j").filter { $0.hasSuffix(".md") } == ["ocd-last-session.md"], "the log is kept once, named after its folder and file")
        #expect(try String(contentsOfFile: dir.path + "/j/ocd-last-session.md", encoding: .utf8) == shrunk, "with its latest exact text")

        let before = try index.sessions()
        try journal.removeIndex()
        let reindex = try ingester.ingest(InputReader.read(try journal.noteFiles().map { journal.url($0).path }, isLossy: false), isDryRun: false)
        #expect(reindex.added == 5)
        let after = try journal.openIndex(readOnly: true).sessions()
        #expect(after.map(\.id) == before.map(\.id))
        #expect(after.map(\.entry) == before.map(\.entry))
        #expect(after.map(\.remaining) == before.map(\.remaining))
        #expect(Set(after.map(\.source)) == Set(before.map(\.source)))
    }
}
