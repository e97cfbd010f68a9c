import Foundation
import Testing
import InsightsCore
import InsightsMarkdown
@testable import InsightsStore

/// The index's own JSON decoder makes of a stored row exactly what Foundation's `JSONDecoder` makes of it.
@Suite("Stored JSON decoding")
struct StoredJSONDecodingTests {
    /// Both decoders' values for `json`, the fast one's nil when it declines.
    static func both<T: Decodable>(_ type: T.Type, _ json: String) throws -> (fast: T?, foundation: T) {
        let data = Data(json.utf8)
        return (StoredJSON.decodedFast(type, from: data), try JSONDecoder().decode(type, from: data))
    }

    @Test("every corpus and shipped session, and their tasks and failure clusters, decode as stored, without Foundation")
    func corpus() throws {
        let sessions = try StoredJSONTests.sessions()
        #expect(sessions.count > 70)
        func check<T: Codable & Equatable>(_ value: T, _ name: String) throws {
            let data = try StoredJSON.encode(value)
            let fast = StoredJSON.decodedFast(T.self, from: data)
            #expect(fast != nil, "declined: \(name)")
            #expect(fast == (try JSONDecoder().decode(T.self, from: data)), "\(name)")
            #expect(fast == value, "\(name)")
        }
        for s in sessions { try check(s, s.id) }
        let tasks = TaskTracker().tasks(from: sessions)
        let clusters = FailureClusterer().clusters(sessions)
        #expect(tasks.count > 100 && clusters.count > 100)
        for t in tasks { try check(t, t.id) }
        for c in clusters { try check(c, c.id) }
    }

    struct Odd: Codable, Equatable {
        var text: String
        var keyed: [String: Int]
        var empty: [String]
        var holes: [String?]
        var missing: Int?
        var small: Int8
        var flag: Bool
        var nested: [[Int]]
    }

    @Test("escapes, surrogate pairs, spaces, nulls, dictionaries, nested arrays, other integers")
    func edges() throws {
        let json = #"""
         { "text" : "q\"\\\/\b\f\n\r\t\u0000\u00e9e\u0301\ud83d\ude80 é 🚀 \u2028",
           "keyed": {"b": 1, "a\"b": 2, "é": -3}, "empty": [ ], "holes": ["x", null, "y"], "missing": null,
           "small": -5, "flag": true, "nested": [[], [1, 2], [3]] }
        """#
        let (fast, foundation) = try Self.both(Odd.self, json)
        #expect(fast == foundation)
        #expect(fast?.text == "q\"\\/\u{8}\u{C}\n\r\t\u{0}ée\u{301}🚀 é 🚀 \u{2028}")
        #expect(fast?.keyed == ["b": 1, "a\"b": 2, "é": -3])
        #expect(fast?.holes == ["x", nil, "y"])
    }

    @Test("a quote, backslash or control byte at any place of a long string is found (strings are scanned eight bytes at a time)")
    func specialBytesAtEveryOffset() throws {
        // Inserted between whole characters, every byte offset from 0 to past the first eight-byte word and on.
        let text = "abcdefghijklmnopqrstuvwxyz é 🚀 0123456789"
        func object(_ head: Substring, _ middle: String, _ tail: Substring) -> Data { Data(("{\"t\": \"" + head + middle + tail + "\"}").utf8) }
        for at in text.indices + [text.endIndex] {
            let head = text[..<at], tail = text[at...]
            for (written, meant) in [(#"\""#, "\""), (#"\\"#, "\\"), (#"\n"#, "\n"), (#"\u0001"#, "\u{1}")] {
                #expect(StoredJSON.decodedFast([String: String].self, from: object(head, written, tail))?["t"] == head + meant + tail,
                        "\(head.utf8.count) \(written)")
            }
            // A raw control byte or a lone quote mid-string is not JSON, wherever it is.
            for raw in ["\u{1}", "\n", "\u{1F}", "\""] {
                #expect(StoredJSON.decodedFast([String: String].self, from: object(head, raw, tail)) == nil, "\(head.utf8.count)")
            }
        }
    }

    struct Numbers: Codable, Equatable { var ratio: Double; var big: UInt64; var least: Int; var exponent: Int? }
    struct WithFoundation: Codable, Equatable { var bytes: Data; var link: URL; var when: Date; var amount: Decimal }

    @Test("what it leaves to Foundation still decodes as Foundation decodes it; broken JSON fails as Foundation fails")
    func declined() throws {
        // A Double is read here; an integer beyond 18 digits or written with an exponent is Foundation's.
        let numbers = #"{"ratio": 0.55, "big": 18446744073709551615, "least": -9223372036854775808, "exponent": 1e2}"#
        #expect(StoredJSON.decodedFast(Numbers.self, from: Data(numbers.utf8)) == nil)
        #expect(try StoredJSON.decode(Numbers.self, from: Data(numbers.utf8)) == JSONDecoder().decode(Numbers.self, from: Data(numbers.utf8)))
        let ratio = #"{"ratio": 0.55, "big": 7, "least": -1}"#
        #expect(try Self.both(Numbers.self, ratio).fast == Numbers(ratio: 0.55, big: 7, least: -1, exponent: nil))
        // Types Foundation decodes its own way (base64, a string, seconds, a decimal number).
        let value = WithFoundation(bytes: Data([1, 2, 3]), link: URL(string: "https://x.org/a")!,
                                   when: Date(timeIntervalSince1970: 1_700_000_000), amount: Decimal(string: "12.50")!)
        let data = try JSONEncoder().encode(value)
        #expect(StoredJSON.decodedFast(WithFoundation.self, from: data) == nil)
        #expect(try StoredJSON.decode(WithFoundation.self, from: data) == value)
        // Foundation takes a trailing comma; this decoder leaves it to Foundation.
        let comma = Data(#"{"text": "a",}"#.utf8)
        #expect(StoredJSON.decodedFast([String: String].self, from: comma) == nil)
        #expect(try StoredJSON.decode([String: String].self, from: comma) == ["text": "a"])
        for broken in [#"{"text": "a""#, #"{"text": "a"} x"#, "{\"text\": \"a\u{1}\"}", #"{"text": "\ud83d"}"#, ""] {
            #expect(StoredJSON.decodedFast([String: String].self, from: Data(broken.utf8)) == nil, "\(broken)")
            #expect(throws: DecodingError.self, "\(broken)") { try StoredJSON.decode([String: String].self, from: Data(broken.utf8)) }
        }
        // JSON Foundation rejects is never read here: numbers outside JSON's grammar, a bad escape or a lone
        // surrogate in a string nobody reads, two keys that are one string in two Unicode forms.
        for odd in [#"{"line": 01}"#, #"{"line": +1}"#, #"{"line": .5}"#, #"{"line": 1.}"#, #"{"line": 1-2}"#,
                    #"{"line": 1, "unread": "\x"}"#, #"{"line": 1, "unread": "\ud800"}"#] {
            #expect(StoredJSON.decodedFast([String: Double].self, from: Data(odd.utf8)) == nil, "\(odd)")
        }
        let forms = "{\"\u{E9}\": \"composed\", \"e\u{301}\": \"decomposed\"}"
        #expect(StoredJSON.decodedFast([String: String].self, from: Data(forms.utf8)) == nil)
        #expect(try StoredJSON.decode([String: String].self, from: Data(forms.utf8)) == JSONDecoder().decode([String: String].self, from: Data(forms.utf8)))
        // A top-level Data is Foundation's too (base64, not an array of bytes).
        #expect(StoredJSON.decodedFast(Data.self, from: Data("[1,2]".utf8)) == nil)
        // A missing key or a wrong type: Foundation's error, with its coding path.
        #expect(throws: DecodingError.self) { try StoredJSON.decode(Odd.self, from: Data(#"{"text": "a"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try StoredJSON.decode([Int].self, from: Data(#"["a"]"#.utf8)) }
    }

    /// The address of a string's UTF-8 bytes (nil for one stored inline).
    static func storage(_ s: String) -> UnsafeRawPointer? {
        s.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    /// `s` through `table`: the equal string it holds, else `s`, then held.
    static func shared(_ s: String, in table: SharedStrings.Table) -> String {
        Array(s.utf8).withUnsafeBufferPointer { table.string($0) { _ in s } }
    }

    @Test("rows decoded with one table of shared strings keep each long string once, and decode to the same values")
    func shared() throws {
        let sessions = try StoredJSONTests.sessions()
        let strings = SharedStrings()
        let decoded = try strings.withTable { table in
            try sessions.map { try StoredJSON.decode(Session.self, from: try StoredJSON.encode($0), strings: table) }
        }
        #expect(decoded == sessions)
        // The seed's findings share their section's heading; short strings stay inline.
        let seed = try #require(decoded.first { $0.id == "2025-12-17-session-insights" })
        let sections = seed.findings.map(\.section).filter { $0.utf8.count > 15 }
        #expect(sections.count > 3)
        #expect(Set(sections.map(Self.storage)).count == Set(sections).count)
        let bytes = Array("Technical Findings, again and again".utf8)
        let a = String(decoding: bytes, as: UTF8.self), b = String(decoding: bytes, as: UTF8.self)
        #expect(Self.storage(a) != Self.storage(b))
        let table = SharedStrings.Table()
        #expect(Self.storage(Self.shared(a, in: table)) == Self.storage(Self.shared(b, in: table)))
        #expect(Self.shared("short", in: table) == "short")
        // Thousands of strings (the table grows), each looked up again by its bytes; invalid UTF-8 repaired
        // on the way in is made, never held under bytes it does not have.
        let many = (0..<5000).map { "a string long enough to be looked up, number \($0)" }
        let held = many.map { Self.storage(Self.shared($0, in: table)) }
        for (i, s) in many.enumerated() {
            let again = Array(s.utf8).withUnsafeBufferPointer { table.string($0) { String(decoding: $0, as: UTF8.self) } }
            #expect(again == s && Self.storage(again) == held[i])
        }
        // Strings and lists equal as Swift strings but spelled differently (é composed, e + combining accent)
        // keep their own bytes.
        let composed = "a café on the corner, composed \u{E9}", decomposed = "a café on the corner, composed e\u{301}"
        #expect(composed == decomposed)
        var w = ByteWriter()
        w.write([composed, "x"]); w.write([decomposed, "x"]); w.write(["\u{E9}"]); w.write(["e\u{301}"])
        var r = ByteReader(w.bytes, strings: table)
        let lists = try (0..<4).map { _ in try r.strings() }
        #expect(lists.map { $0.map { Array($0.utf8) } } == [[Array(composed.utf8), [120]], [Array(decomposed.utf8), [120]],
                                                             [Array("\u{E9}".utf8)], [Array("e\u{301}".utf8)]])
        let invalid: [UInt8] = Array("invalid UTF-8 here: ".utf8) + [0xFF, 0xFE]
        for _ in 0..<2 {
            let repaired = invalid.withUnsafeBufferPointer { table.string($0) { String(decoding: $0, as: UTF8.self) } }
            #expect(repaired == "invalid UTF-8 here: \u{FFFD}\u{FFFD}")
        }
    }
}
