import Foundation
import Testing
@testable import InsightsSite

/// The build manifest reads back as it was written, whatever the file names hold.
@Suite("Build manifest")
struct ManifestTests {
    @Test("a manifest written and read again is the same manifest, odd names included")
    func roundTrip() throws {
        let folder = try SiteFixtures.tempFolder("manifest")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var m = Manifest()
        m.source = "9f2c\"\\</script>"
        for (i, path) in ["index.html", "sessions/a \"b\".html", "tags/ü-é.html", "sessions/x\\y\n.html", "t/<p>.html"].enumerated() {
            m.files[path] = Manifest.Entry(key: String(repeating: "a", count: i + 1), bytes: i * 1000)
        }
        try m.encoded().write(to: URL(fileURLWithPath: folder + "/" + Manifest.fileName))
        #expect(Manifest.read(in: folder) == m)
        var empty = Manifest()
        empty.source = nil
        try empty.encoded().write(to: URL(fileURLWithPath: folder + "/" + Manifest.fileName))
        #expect(Manifest.read(in: folder) == empty)
        #expect(String(decoding: m.encoded(), as: UTF8.self).split(separator: "\n").count == m.files.count + 6, "a line per file")
    }
}

/// File and anchor names made of any text stay inside their alphabet.
@Suite("Safe paths")
struct SafePathTests {
    @Test("file names and anchors", arguments: [
        ("../etc/passwd", "etc-passwd", "etc-passwd"),
        ("T-ab12 cd", "T-ab12-cd", "T-ab12-cd"),
        ("a...b..c.md", "a.b.c.md", "a-b-c-md"),
        ("..hidden.", "hidden", "hidden"),
        ("Café ünïcode—dash", "Caf-n-code-dash", "Caf-n-code-dash"),
        ("", "item", "item"),
        ("2025-12-17-session.insights", "2025-12-17-session.insights", "2025-12-17-session-insights"),
    ])
    func names(_ text: String, _ file: String, _ anchor: String) {
        #expect(SafePath.fileName(text) == file)
        #expect(SafePath.anchor(text) == anchor)
    }

    @Test("file names made on bytes are the ones made scalar by scalar", arguments: [
        "../etc/passwd", "a...b..c.md", "..hidden.", "Café ünïcode—dash", "", "-", ".", "é", "x-é-y", "a-.-b",
        "日本語のノート", "e\u{301}tude", "🚀 launch 🚀", "--a--", "a_b.c-d", String(repeating: "ab.", count: 60) + "é-z",
        String(repeating: "é", count: 130) + "x", "2025-12-17-session-insights",
    ])
    func bytesAgree(_ text: String) {
        // The scalar-by-scalar version the byte one replaced.
        func byScalars(_ text: String) -> String {
            var out = ""
            var lastWasHyphen = false
            for scalar in text.unicodeScalars {
                let ok = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || scalar == "_" || scalar == "." || scalar == "-")
                if ok { out.unicodeScalars.append(scalar); lastWasHyphen = scalar == "-" }
                else if !lastWasHyphen && !out.isEmpty { out.append("-"); lastWasHyphen = true }
            }
            while out.contains("..") { out = out.replacingOccurrences(of: "..", with: ".") }
            while let f = out.first, f == "." || f == "-" { out.removeFirst() }
            while let l = out.last, l == "." || l == "-" { out.removeLast() }
            if out.count > 120 { out = String(out.prefix(120)) }
            return out.isEmpty ? "item" : out
        }
        #expect(SafePath.fileName(text) == byScalars(text))
    }
}

/// Plain text of a note's Markdown (titles, snippets): the ASCII fast path gives what the scalar path gives.
@Suite("Plain text")
struct PlainTextTests {
    @Test("markup characters dropped, white space runs made one space, ends trimmed", arguments: [
        ("**Fix** the `migration` tracker", "Fix the migration tracker"),
        ("  # Heading\t\twith  tabs \n", "Heading with tabs"),
        ("[link](http://x.y) | cell | ~~gone~~", "link(http://x.y) cell gone"),
        ("", ""), ("   ", ""), ("***", ""), ("a\r\nb\u{0B}c\u{0C}d", "a b c d"),
        ("naïve **café**", "naïve café"), ("tab\u{00A0}nbsp", "tab nbsp"),
    ])
    func plain(markdown: String, expected: String) {
        #expect(HTMLText.plain(markdown) == expected)
        // ASCII text answers on the fast path, anything else on the scalar one.
        #expect((HTMLText.asciiPlain(markdown) != nil) == markdown.utf8.allSatisfy { $0 < 0x80 })
    }
}
