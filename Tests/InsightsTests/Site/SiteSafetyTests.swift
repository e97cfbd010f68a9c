import Foundation
import Testing
import InsightsCore
import InsightsSite

@Suite("Site safety: hostile notes, paths, templates")
struct SiteSafetyTests {
    static let hostile = """
        # Session <script>alert(1)</script> {{mustache}} 2026-01-05

        **Focus**: <img src=x onerror=alert(2)> and {{{triple}}}

        ## Technical Findings

        ### 1. Evil <iframe src="https://evil.example"></iframe> finding (P1)

        **Root Cause**: [click](javascript:alert(3)) and <a href="javascript:alert(4)">raw</a>

        <script>document.cookie</script>
        <iframe src="https://evil.example/frame"></iframe>
        <div onmouseover="alert(5)">hover</div>

        ## Remaining Work

        1. **P0** Remove <script>x</script> the `{{#each}}` thing
        """

    static func build(_ text: String, id: String = "2026-01-05-hostile", unsafe: Bool = false) throws -> String {
        var note = SiteFixtures.note(text, fileName: id + ".md")
        note.session.id = id
        let out = try SiteFixtures.tempFolder("hostile")
        _ = try SiteBuilder(options: SiteOptions(allowUnsafeHTML: unsafe)).build(SiteInput(notes: [note]), to: out)
        return out
    }

    @Test("script tags, event attributes, javascript: links and iframes in a note are escaped or dropped")
    func hostileNote() throws {
        let out = try Self.build(Self.hostile)
        let files = try SiteFixtures.files(out)
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self).lowercased()
            #expect(!html.contains("<script>alert"), "\(path)")
            #expect(!html.contains("<script>document"), "\(path)")
            #expect(!html.contains("<iframe"), "\(path)")
            #expect(!html.contains("href=\"javascript:"), "\(path)")
            #expect(!html.contains("src=\"javascript:"), "\(path)")
            #expect(!html.contains("<img src=x"), "\(path)")
            #expect(!html.contains("<div onmouseover"), "\(path)")
            // Only our own two script elements, on every page.
            #expect(html.components(separatedBy: "<script").count - 1 <= 2, "\(path)")
        }
        let page = try SiteFixtures.read(out, "sessions/2026-01-05-hostile.html")
        #expect(page.contains("<title>Session alert(1) {{mustache}} 2026-01-05 · Insights</title>"))
        #expect(page.contains("<a title=\" (not part of the site)\">click</a>"), "the javascript: link lost its target")
        #expect(page.contains("{{mustache}}"), "note text is data, never a template")
        #expect(page.contains("<!-- raw HTML omitted -->"))
        let script = try SiteFixtures.read(out, "search-index.js")
        #expect(!script.contains("<"), "the index escapes < so it can never close a script element")
    }

    @Test("--unsafe-html lets a note's raw HTML through, only when asked")
    func unsafeOptIn() throws {
        let out = try Self.build("# T 2026-01-05\n\n<b class=\"x\">bold</b>\n", unsafe: true)
        #expect(try SiteFixtures.read(out, "sessions/2026-01-05-hostile.html").contains("<b class=\"x\">bold</b>"))
        let safe = try Self.build("# T 2026-01-05\n\n<b class=\"x\">bold</b>\n")
        #expect(!(try SiteFixtures.read(safe, "sessions/2026-01-05-hostile.html").contains("<b class=\"x\">")))
    }

    @Test("session ids cannot escape the output folder", arguments: ["../../etc/passwd", "/abs/path", "..", "a/../../b", ".hidden"])
    func pathsStayInside(id: String) throws {
        let out = try Self.build("# T 2026-01-05\n", id: id)
        let files = try SiteFixtures.files(out)
        let sessionPages = files.keys.filter { $0.hasPrefix("sessions/") }
        #expect(sessionPages.count == 1)
        for path in files.keys { #expect(!path.contains("..") && !path.hasPrefix("/")) }
        #expect(!FileManager.default.fileExists(atPath: out + "/../etc/passwd.html"))
        #expect(try LinkChecker.brokenLinks(in: out) == [])
    }

    @Test("the output folder may not be / or the home folder")
    func refusesRoot() throws {
        #expect(throws: SiteError.self) { try SiteBuilder().build(SiteInput(notes: []), to: "/") }
    }

    @Test("the templates built into the binary are the files in templates/")
    func embeddedTemplatesMatch() throws {
        let folder = Corpus.repo.appendingPathComponent("templates").path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "note.md" && !$0.hasPrefix(".") }
        #expect(Set(names) == Set(TemplateSet.defaults.files.keys), "run scripts/embed-templates.sh")
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(TemplateSet.defaults.files[name] == text, "\(name) differs from the embedded copy: run scripts/embed-templates.sh")
        }
    }

    @Test("a journal's templates/ folder overrides a default template of the same name")
    func templateOverride() throws {
        let folder = try SiteFixtures.tempFolder("tpl")
        try "<h1>Custom {{siteTitle}}</h1>\n".write(toFile: folder + "/home.mustache", atomically: false, encoding: .utf8)
        let templates = try TemplateSet.defaults.overridden(byFolder: folder)
        #expect(templates.overridden == ["home.mustache"])
        let out = try SiteFixtures.tempFolder("tpl-out")
        _ = try SiteBuilder(options: SiteOptions(title: "T&T"), templates: templates).build(SiteInput(notes: []), to: out)
        #expect(try SiteFixtures.read(out, "index.html").contains("<h1>Custom T&amp;T</h1>"))
    }

    @Test("a broken template fails the build, names the step and the template, and writes nothing")
    func brokenTemplate() throws {
        var files = TemplateSet.defaults.files
        files["session.mustache"] = "{{#unclosed}}"
        let out = try SiteFixtures.tempFolder("broken")
        #expect {
            try SiteBuilder(templates: TemplateSet(files: files)).build(SiteInput(notes: []), to: out)
        } throws: { error in
            "\(error)".contains("Compile templates") && "\(error)".contains("session.mustache")
        }
        #expect(try SiteFixtures.files(out).isEmpty)
    }
}
