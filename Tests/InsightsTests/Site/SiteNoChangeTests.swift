import Foundation
import Testing
@testable import InsightsCLI

/// `insights build` with nothing changed stops after comparing the input's digest with the last build's
/// manifest; anything that changes what the site reads sends it down the full (incremental) path again.
@Suite("Site no-change rebuild", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct SiteNoChangeTests {
    struct Report: Decodable { var written: [String]; var unchanged: [String]; var removed: [String]; var steps: [String] }

    static func build(_ journal: String, _ site: String, _ extra: [String] = []) throws -> Report {
        let r = try AgentFixtures.run(["build", "--journal", journal, "--output", site, "--json"] + extra)
        try #require(r.status == 0, "build failed: \(r.err)")
        return try JSONDecoder().decode(Report.self, from: Data(r.out.utf8))
    }

    static let shortcut = ["Compare the input with the previous build's manifest"]

    @Test("the human report names the page to open without doubling a trailing slash of --output")
    func openLine() throws {
        let (dir, journal) = try AgentFixtures.corpusJournal()
        for output in [dir.path + "/site", dir.path + "/site/", dir.path + "/site//"] {
            let r = try AgentFixtures.run(["build", "--journal", journal.path, "--output", output])
            #expect(r.status == 0, "\(r.err)")
            #expect(r.out.contains("open \(dir.path)/site/index.html\n"), "\(r.out)")
        }
    }

    @Test("a second build takes the shortcut; an ingest, an edited note, other options or a deleted page do not")
    func shortcut() throws {
        let (dir, journal) = try AgentFixtures.corpusJournal()
        let site = dir.path + "/site"
        let first = try Self.build(journal.path, site)
        #expect(first.steps != Self.shortcut && !first.written.isEmpty)

        let again = try Self.build(journal.path, site)
        #expect(again.steps == Self.shortcut)
        #expect(again.written.isEmpty && again.unchanged.count == first.written.count)

        // Another title: the full path, which rewrites the pages that show it.
        let retitled = try Self.build(journal.path, site, ["--title", "Team"])
        #expect(retitled.steps != Self.shortcut && !retitled.written.isEmpty)
        #expect(try Self.build(journal.path, site, ["--title", "Team"]).steps == Self.shortcut)

        // A page deleted by hand comes back.
        try FileManager.default.removeItem(atPath: site + "/index.html")
        let repaired = try Self.build(journal.path, site, ["--title", "Team"])
        #expect(repaired.written == ["index.html"])

        // A note edited in the journal (its text is rendered on its page) without an ingest.
        let note = try #require(try FileManager.default.contentsOfDirectory(atPath: journal.path).sorted().first { $0.hasSuffix(".md") })
        let path = journal.path + "/" + note
        try (String(contentsOfFile: path, encoding: .utf8) + "\nA closing line added by hand.\n").write(toFile: path, atomically: false, encoding: .utf8)
        let edited = try Self.build(journal.path, site, ["--title", "Team"])
        #expect(edited.steps != Self.shortcut)
        // Only that note's page among the session pages, and it shows the new text.
        let pages = edited.written.filter { $0.hasPrefix("sessions/") }
        #expect(pages.count == 1)
        #expect(try pages.allSatisfy { try String(contentsOfFile: site + "/" + $0, encoding: .utf8).contains("A closing line added by hand.") })

        // A new note ingested: a new index generation.
        let added = try AgentFixtures.run(["ingest", "--journal", journal.path, try Corpus.path("notes/ggltcg/SESSION_NOTES_2025-11-21.md")])
        #expect(added.status == 0)
        let grown = try Self.build(journal.path, site, ["--title", "Team"])
        #expect(grown.steps != Self.shortcut && grown.written.contains("index.html"))
    }

    @Test("a journal built the way a large one is (sessions read back from the index, findings and friction alone) is the same site")
    func streamed() throws {
        let (dir, journal) = try AgentFixtures.corpusJournal(SiteFixtures.corpusNotes)
        let held = dir.path + "/held", streamed = dir.path + "/streamed"
        _ = try Self.build(journal.path, held)
        _ = try Self.build(journal.path, streamed, ["--held-sessions", "0"])
        var a = try SiteFixtures.files(held), b = try SiteFixtures.files(streamed)
        a[".insights-build.json"] = nil; b[".insights-build.json"] = nil
        #expect(a.keys.filter { $0.hasPrefix("sessions/") }.count == SiteFixtures.corpusNotes.count && a.keys.sorted() == b.keys.sorted())
        for (path, data) in a where b[path] != data { Issue.record("\(path) differs") }
    }
}
