import Foundation
import Testing
import InsightsCore
@testable import InsightsSite

/// Pages are written to their files as they render: the file holds exactly what was rendered, across chunk
/// boundaries, and a layout that does not take the body raw once still gets it as it did before streaming.
@Suite("Page output")
struct PageOutputTests {
    @Test("pieces small and large reach the file in order, byte for byte, and are counted")
    func chunks() throws {
        let folder = try SiteFixtures.tempFolder("output")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var out = PageOutput(file: try OutputFolder(path: folder).open("page.html"))
        var expected = ""
        var rng = SplitMix(seed: 7)
        // Enough small pieces to cross the 1 MB chunk several times, then one piece larger than a chunk.
        while expected.utf8.count < 3 * PageOutput.chunk {
            let piece = "<p>é \(rng.next() % 1_000_000)</p>\n"
            out.append(piece); expected += piece
        }
        let large = String(repeating: "x", count: PageOutput.chunk + 17)
        out.append(large); expected += large
        out.append("end"); expected += "end"
        #expect(!FileManager.default.fileExists(atPath: folder + "/page.html"), "the file is put in place only when done")
        let bytes = try out.finish()
        #expect(bytes == expected.utf8.count)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/page.html")) == Data(expected.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["page.html"], "no temporary file left")
    }

    @Test("a discarded page leaves no file")
    func discard() throws {
        let folder = try SiteFixtures.tempFolder("discard")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var out = PageOutput(file: try OutputFolder(path: folder).open("sessions/a.html"))
        out.append(String(repeating: "y", count: PageOutput.chunk * 2))
        out.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/sessions") == [])
    }

    @Test("a layout that escapes the body, or shows it twice, renders it as it says", arguments: [
        ("<main>{{body}}</main>", "<main>&lt;h1&gt;"),
        ("<main>{{{body}}}</main><aside>{{{body}}}</aside>", "</main><aside><h1>"),
        ("<main>{{{body}}}</main>", "<main><h1>"),
    ])
    func layouts(_ layout: String, _ expected: String) throws {
        var files = TemplateSet.defaults.files
        files["layout.mustache"] = layout
        let folder = try SiteFixtures.tempFolder("layout")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteBuilder(options: SiteOptions(title: "Layouts"), templates: TemplateSet(files: files))
            .build(try SiteFixtures.journalInput(), to: folder)
        let page = try String(contentsOfFile: folder + "/findings.html", encoding: .utf8)
        #expect(page.hasPrefix(layout.hasPrefix("<main>{{body") ? "<main>&lt;h1&gt;Findings" : "<main><h1>Findings"))
        #expect(page.contains(expected))
        #expect(!page.contains(PageRenderer.bodyMarker))
    }
}
