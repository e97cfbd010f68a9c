import Foundation
import Testing
import InsightsCore
import InsightsStore
@testable import InsightsCLI

/// What users rely on when they ingest: idempotence, in-place updates, bad files reported, reindex equivalence.
@Suite("Ingest behaviour")
struct IngestBehaviourTests {
    let note = """
        # Billing migration — 2026-03-02

        **Focus**: move invoices to the new schema

        ## Findings
        - **Migrations applied by hand**: the history table drifted.

        ## Next Steps
        1. **Repair migration history** (P0)
        2. **Backfill invoice numbers** - blocked by #1
        """

    func ingester(_ journal: String) -> Ingester {
        Ingester(journal: Journal(path: journal), vocabulary: .default, today: "2026-11-25")
    }

    func input(_ path: String) -> [Result<NoteInput, NoteInput.Rejection>] {
        InputReader.read([path], isLossy: false)
    }

    @Test("a log's journal copy and a note of the same name in one ingest get two files (the note goes to -2)")
    func logAndNoteOfOneName() throws {
        let dir = try TempDir()
        // A log in a folder named for a day: its journal copy is `2024-05-01-foo.md`; a note of that day titled
        // "Foo" would be `2024-05-01-foo` too. Neither file is in place until the ingest ends.
        let log = try dir.write("in/2024-05-01/foo.md", """
            # Foo log

            ## 2026-04-01 — First entry

            ### Findings
            - **Cache key ignored the locale**: stale pages.

            ## 2026-04-02 — Second entry

            ### Next Steps
            1. **Key the cache by locale** (P1)
            """)
        let plain = try dir.write("in/plain.md", "# Foo\n\n**Date**: 2024-05-01\n\n## Findings\n- **Slow build**: no cache.\n")
        let report = try ingester(dir.path + "/j").ingest(InputReader.read([log, plain], isLossy: false), isDryRun: false)
        #expect(report.failed == 0)
        let files = Set(report.files.compactMap(\.file))
        #expect(files == ["2024-05-01-foo.md", "2024-05-01-foo-2.md"], "\(report.files.map { ($0.path, $0.file ?? "-") })")
        #expect(try String(contentsOfFile: dir.path + "/j/2024-05-01-foo.md", encoding: .utf8).hasPrefix("# Foo log"))
    }

    @Test("a note left in the journal by an ingest killed before its index commit is reused, not copied to -2")
    func orphanFromKilledIngest() throws {
        let dir = try TempDir()
        let path = try dir.write("in/billing.md", note)
        // What a kill between the journal write and the index commit leaves: the note file, no index entry.
        _ = try dir.write("j/2026-03-02-billing-migration.md", note)
        let report = try ingester(dir.path + "/j").ingest(input(path), isDryRun: false)
        #expect(report.files.map(\.status) == [.added])
        #expect(report.files.first?.file == "2026-03-02-billing-migration.md")
        #expect(dir.files(in: "j").filter { $0.hasSuffix(".md") } == ["2026-03-02-billing-migration.md"])
        // A different note under that name is the user's own file: the new note goes beside it.
        let other = try dir.write("in/other.md", note.replacingOccurrences(of: "invoice numbers", with: "credit notes"))
        _ = try? FileManager.default.removeItem(atPath: dir.path + "/j/.insights")
        try (note + "\nEdited by hand.\n").write(toFile: dir.path + "/j/2026-03-02-billing-migration.md", atomically: false, encoding: .utf8)
        let second = try ingester(dir.path + "/j").ingest(input(other), isDryRun: false)
        #expect(second.files.first?.file == "2026-03-02-billing-migration-2.md")
    }

    @Test("reindex builds beside the index and swaps: a leftover from a killed reindex is replaced, nothing stays behind")
    func reindexSwaps() async throws {
        let dir = try TempDir()
        let path = try dir.write("in/billing.md", note)
        _ = try ingester(dir.path + "/j").ingest(input(path), isDryRun: false)
        _ = try dir.write("j/.insights/index.sqlite.rebuilding", "half a database from a killed reindex")
        #expect(await CLI.run(["reindex", "--journal", dir.path + "/j"]) == 0)
        #expect(dir.files(in: "j/.insights").filter { $0.hasPrefix("index") } == ["index.sqlite"])
        let index = try Journal(path: dir.path + "/j").openIndex(readOnly: true)
        #expect(try index.counts().sessions == 1)
    }

    @Test("ingesting the same note twice changes nothing the second time")
    func idempotent() throws {
        let dir = try TempDir()
        let path = try dir.write("in/billing.md", note)
        let first = try ingester(dir.path + "/j").ingest(input(path), isDryRun: false)
        #expect(first.files.map(\.status) == [.added])
        #expect(first.files.first?.id == "2026-03-02-billing-migration")
        let second = try ingester(dir.path + "/j").ingest(input(path), isDryRun: false)
        #expect(second.files.map(\.status) == [.unchanged])
        #expect(dir.files(in: "j") == ["2026-03-02-billing-migration.md", "sources.json"])
        let stored = try String(contentsOfFile: dir.path + "/j/2026-03-02-billing-migration.md", encoding: .utf8)
        #expect(stored == note, "the journal keeps the note's exact bytes")
    }

    @Test("an edited note at the same path updates its session in place")
    func editSamePath() throws {
        let dir = try TempDir()
        let path = try dir.write("in/billing.md", note)
        _ = try ingester(dir.path + "/j").ingest(input(path), isDryRun: false)
        try dir.write("in/billing.md", note.replacingOccurrences(of: "Billing migration", with: "Billing migration, part one"))
        let report = try ingester(dir.path + "/j").ingest(input(path), isDryRun: false)
        #expect(report.files.map(\.status) == [.updated])
        let index = try Journal(path: dir.path + "/j").openIndex(readOnly: true)
        let sessions = try index.sessions()
        #expect(sessions.count == 1)
        #expect(sessions.first?.id == "2026-03-02-billing-migration")
        #expect(sessions.first?.title == "Billing migration, part one — 2026-03-02")
    }

    @Test("the same title and date from another path updates, not duplicates")
    func editSameTitleDate() throws {
        let dir = try TempDir()
        _ = try ingester(dir.path + "/j").ingest(input(try dir.write("a/billing.md", note)), isDryRun: false)
        let report = try ingester(dir.path + "/j").ingest(input(try dir.write("b/copy.md", note + "\n3. Tell finance\n")), isDryRun: false)
        #expect(report.files.map(\.status) == [.updated])
        #expect(try Journal(path: dir.path + "/j").openIndex(readOnly: true).sessions().first?.remaining.count == 3)
    }

    @Test("regression: two different notes sharing a title and date (tickdatapipeline's \"SESSION 20251018 CHANGE LOG\") stay two sessions, and re-ingesting them changes nothing",
          .enabled(if: Corpus.isPresent))
    func sameTitleDifferentNotes() throws {
        let dir = try TempDir()
        let paths = try ["notes/tickdatapipeline/session_20251018_config_path_cwd_priority.md",
                         "notes/tickdatapipeline/session_20251018_parse_error_fix.md"].map(Corpus.path)
        let first = try ingester(dir.path + "/j").ingest(InputReader.read(paths, isLossy: false), isDryRun: false)
        #expect(first.files.map(\.status) == [.added, .added])
        let again = try ingester(dir.path + "/j").ingest(InputReader.read(paths, isLossy: false), isDryRun: false)
        #expect(again.files.map(\.status) == [.unchanged, .unchanged])
        #expect(try Journal(path: dir.path + "/j").openIndex(readOnly: true).counts().sessions == 2)
    }

    @Test("different notes with the same title slug on one day get distinct ids")
    func distinctIDs() throws {
        let dir = try TempDir()
        let a = try dir.write("a.md", "# Standup — 2026-03-02\n\n## TODO\n- [ ] one\n")
        let b = try dir.write("b.md", "# Standup — 2026-03-02!\n\n## TODO\n- [ ] two\n")
        let report = try ingester(dir.path + "/j").ingest(InputReader.read([a, b], isLossy: false), isDryRun: false)
        #expect(report.files.map(\.id) == ["2026-03-02-standup", "2026-03-02-standup-2"])
    }

    @Test("bad files are reported with a reason and the others still go in", arguments: [
        ("empty.md", Data(), "empty note"),
        ("blank.md", Data("  \n\n".utf8), "empty note"),
        ("binary.md", Data([0x23, 0x20, 0x00, 0x01, 0x02]), "binary file"),
        ("latin1.md", Data("# Caf\u{E9}\n".utf8.dropLast(3) + [0xE9, 0x0A]), "not valid UTF-8 (line 1"),
    ])
    func badFiles(name: String, data: Data, reason: String) throws {
        let dir = try TempDir()
        let bad = try dir.write(name, data)
        let good = try dir.write("good.md", note)
        let report = try ingester(dir.path + "/j").ingest(InputReader.read([bad, good], isLossy: false), isDryRun: false)
        #expect(report.files.map(\.status) == [.failed, .added])
        #expect(report.files[0].reason?.hasPrefix(reason) == true, "\(report.files[0].reason ?? "")")
    }

    @Test("--lossy decodes invalid UTF-8 with replacement characters")
    func lossy() throws {
        let dir = try TempDir()
        let path = try dir.write("latin1.md", Data("# Caf".utf8) + [0xE9] + Data(" notes 2026-01-02\n\n## TODO\n- [ ] x\n".utf8))
        let report = try ingester(dir.path + "/j").ingest(InputReader.read([path], isLossy: true), isDryRun: false)
        #expect(report.files.map(\.status) == [.added])
        #expect(report.files.first?.id == "2026-01-02-caf-notes")
    }

    @Test("a missing file and an oversized file fail with exit code 1 while good files are ingested")
    func exitCode() async throws {
        let dir = try TempDir()
        let good = try dir.write("good.md", note)
        let big = try dir.write("big.md", Data(repeating: UInt8(ascii: "a"), count: NoteInput.maxBytes + 1))
        let code = await CLI.run(["ingest", "--journal", dir.path + "/j", good, big, dir.path + "/nope.md"])
        #expect(code == 1)
        #expect(try Journal(path: dir.path + "/j").openIndex(readOnly: true).counts().sessions == 1)
    }

    @Test("--dry-run writes nothing")
    func dryRun() async throws {
        let dir = try TempDir()
        let path = try dir.write("n.md", note)
        #expect(await CLI.run(["ingest", "--dry-run", "--json", "--journal", dir.path + "/j", path]) == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/j"))
    }

    @Test("deleting .insights and reindexing gives the same index", .enabled(if: Corpus.isPresent))
    func reindexEquivalence() async throws {
        let dir = try TempDir()
        let j = dir.path + "/j"
        let notes = try ["seed/SESSION_INSIGHTS-2025-12-17.md", "notes/ggltcg/SESSION_NOTES_2025-11-20.md",
                         "notes/cosmo-smoke/Session-2026-04-19-v0.9.0-OTel-Depth-and-Breadth.md"].map(Corpus.path)
        #expect(await CLI.run(["ingest", "--journal", j] + notes) == 0)
        let before = try Journal(path: j).openIndex(readOnly: true).sessions()
        try FileManager.default.removeItem(atPath: j + "/.insights")
        #expect(await CLI.run(["reindex", "--journal", j]) == 0)
        let after = try Journal(path: j).openIndex(readOnly: true).sessions()
        #expect(before == after)
        #expect(after.count == 3)
    }

    @Test("an index from a newer insights is refused with the fix")
    func newerIndex() throws {
        let dir = try TempDir()
        let journal = Journal(path: dir.path + "/j")
        _ = try ingester(journal.path).ingest(input(try dir.write("n.md", note)), isDryRun: false)
        // Simulate a newer version's migration.
        let db = try Index.open(at: journal.indexPath)
        try db.debugExecute("INSERT INTO grdb_migrations(identifier) VALUES ('v99-future')")
        #expect(throws: StoreError.self) { try journal.openIndex() }
        do { _ = try journal.openIndex() } catch { #expect("\(error)".contains("newer insights")) }
    }

    @Test("a corrupt index file is reported with the fix")
    func corruptIndex() throws {
        let dir = try TempDir()
        let journal = Journal(path: dir.path + "/j")
        try journal.create()
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: journal.indexPath))
        do {
            _ = try journal.openIndex()
            Issue.record("opening a corrupt index should fail")
        } catch {
            #expect("\(error)".contains("insights reindex"))
        }
    }
}
