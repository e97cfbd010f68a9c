import Foundation
import Testing
import InsightsCore
import InsightsSite

/// A build assembles the next site beside the current one and swaps it in (see `StagedOutput`).
@Suite("Site swap", .enabled(if: Corpus.isPresent, "needs ../shared/corpus"))
struct SiteSwapTests {
    @Test("a user's own file survives rebuilds, stale pages go, and nothing is left beside the site")
    func keepsForeignFiles() throws {
        let out = try SiteFixtures.tempFolder("swap") + "/site"
        let input = try SiteFixtures.corpusInput()
        _ = try SiteBuilder().build(input, to: out)
        try "kb.example.org\n".write(toFile: out + "/CNAME", atomically: false, encoding: .utf8)
        var fewer = input
        fewer.notes.removeLast()
        let report = try SiteBuilder().build(fewer, to: out)
        #expect(report.removed.count == 1 && report.removed[0].hasPrefix("sessions/"))
        #expect(!FileManager.default.fileExists(atPath: out + "/" + report.removed[0]))
        #expect(try String(contentsOfFile: out + "/CNAME", encoding: .utf8) == "kb.example.org\n")
        let parent = (out as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["site"])
    }

    @Test("a build killed between its two renames is finished by the next: the old site comes back, then the new one")
    func recoversFromKilledSwap() throws {
        let parent = try SiteFixtures.tempFolder("swap-killed")
        let out = parent + "/site"
        let input = try SiteFixtures.corpusInput()
        _ = try SiteBuilder().build(input, to: out)
        // What a kill right after `site/` moved aside leaves: `.site.previous/` and a half-assembled `.site.building/`.
        try FileManager.default.moveItem(atPath: out, toPath: parent + "/.site.previous")
        try FileManager.default.createDirectory(atPath: parent + "/.site.building/sessions", withIntermediateDirectories: true)
        let report = try SiteBuilder().build(input, to: out)
        #expect(report.written.isEmpty, "the restored site was already complete: \(report.written.prefix(3))")
        #expect(FileManager.default.fileExists(atPath: out + "/index.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["site"])
    }
}
