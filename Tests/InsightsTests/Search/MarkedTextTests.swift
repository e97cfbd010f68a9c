import Testing
import InsightsCore

/// Snippet markers → plain text + UTF-16 highlight offsets → terminal, brackets or HTML.
@Suite("Marked text")
struct MarkedTextTests {
    let o: Character = "\u{E000}", c: Character = "\u{E001}"

    @Test("markers become offsets; whitespace collapses; neighbouring matches merge")
    func parse() {
        let m = MarkedText(marked: "Session: \u{E000}FIR\u{E001} \u{E000}Filter\u{E001}\n\n  Bar \u{E000}é\u{E001}", open: o, close: c)
        #expect(m.text == "Session: FIR Filter Bar é")
        #expect(m.highlights == [9..<19, 24..<25])
        #expect(m.rendered(open: "[", close: "]") == "Session: [FIR Filter] Bar [é]")
        #expect(m.matchedWords == ["fir filter", "é"])
    }

    @Test("HTML rendering escapes the text around <mark>")
    func html() {
        let m = MarkedText(marked: "a <b> \u{E000}x&y\u{E001}", open: o, close: c)
        let escape = { (s: String) in s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;") }
        #expect(m.rendered(open: "<mark>", close: "</mark>", escape: escape) == "a &lt;b&gt; <mark>x&amp;y</mark>")
    }

    @Test("offsets count UTF-16 units (emoji are two)")
    func utf16() {
        let m = MarkedText(marked: "🔴 \u{E000}flaky\u{E001}", open: o, close: c)
        #expect(m.highlights == [3..<8])
        #expect(m.rendered(open: "[", close: "]") == "🔴 [flaky]")
        let two = MarkedText(marked: "\u{E000}😀\u{E001} é \u{E000}x\u{E001}y", open: o, close: c)
        #expect(two.rendered(open: "<", close: ">") == "<😀> é <x>y")
    }
}
