import Foundation
import Testing
import InsightsCore
@testable import InsightsMarkdown

/// Pathological Markdown must not crash, hang or blow the stack.
@Suite("Hostile Markdown")
struct HostileMarkdownTests {
    func extract(_ text: String) -> Session {
        NoteParser().session(from: text, fileName: "hostile.md", fallbackDate: "2026-01-01")
    }

    @Test("10,000-deep block quotes and lists")
    func deepNesting() {
        let quotes = String(repeating: ">", count: 10_000) + " deep\n"
        #expect(extract("# Q\n\n" + quotes).title == "Q")
        // Nested lists need indentation that grows with depth, so 10,000 levels of "- " prefixes on one line.
        let list = "# L\n\n## TODO\n" + String(repeating: "- ", count: 10_000) + "[ ] deepest\n"
        #expect(extract(list).title == "L")
        let mixed = "# M\n\n" + String(repeating: "> - ", count: 5_000) + "deep\n"
        #expect(extract(mixed).title == "M")
    }

    @Test("pathological emphasis and brackets finish quickly")
    func emphasisAndBrackets() {
        let start = Date()
        _ = extract(String(repeating: "*a **b ", count: 20_000) + "\n" + String(repeating: "[", count: 50_000) + "\n")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test("a 100,000-cell table")
    func hugeTable() {
        var md = "# T\n\n| Item | Status |\n|---|---|\n"
        for i in 0..<50_000 { md += "| task \(i) | Done |\n" }
        #expect(extract(md).completed.count == 50_000)
    }

    @Test("a very long line")
    func longLine() {
        #expect(extract("# Long\n\n" + String(repeating: "word ", count: 400_000)).title == "Long")
    }

    @Test("raw HTML and javascript links are not rendered")
    func unsafeHTML() {
        let html = MarkdownRenderer.html("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onerror"))
    }
}
