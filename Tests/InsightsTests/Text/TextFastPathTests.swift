import Foundation
import Testing
@testable import InsightsCore

/// The byte-level fast paths (SHA-256, ASCII word splitting, stemming, ticket ids) give the same answers as
/// the published vectors and the Unicode paths.
@Suite("Text fast paths")
struct TextFastPathTests {
    @Test("SHA-256 matches the FIPS 180-4 vectors, across the one- and two-block padding boundary", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func sha256(input: String, expected: String) {
        #expect(SHA256.hex(Array(input.utf8)) == expected)
        // Data (copied in one go) and a lazy, non-contiguous collection (copied byte by byte) agree.
        #expect(SHA256.hex(Data(input.utf8)) == expected)
        #expect(SHA256.hex(input.utf8.lazy.map { $0 }) == expected)
    }

    @Test("WordHash digits are each lane in 16 lowercase hex digits, zero-padded", arguments: [
        UInt64(0), 1, 0xf, 0xabc, 0x0123_4567_89ab_cdef, .max, 0x8000_0000_0000_0000,
    ])
    func wordHashDigits(lane: UInt64) {
        let padded = String(repeating: "0", count: 16 - String(lane, radix: 16).count) + String(lane, radix: 16)
        #expect(WordHash.hex(lane) == padded)
        var h = WordHash()
        h.add("title")
        #expect(h.hex == WordHash.hex(h.first) + WordHash.hex(h.second))
        #expect(h.hex.utf8.count == 32)
    }

    @Test("the CPU's SHA instructions and the Swift compression agree on every length up to three blocks, and beyond")
    func sha256Paths() {
        var bytes: [UInt8] = []
        var seed: UInt32 = 12345
        for length in Array(0...200) + [1_000, 4_096, 65_537] {
            while bytes.count < length { seed = seed &* 1_103_515_245 &+ 12_345; bytes.append(UInt8(truncatingIfNeeded: seed >> 16)) }
            let message = Array(bytes.prefix(length))
            #expect(SHA256.words(message) == SHA256.words(message, usesCPU: false), "length \(length)")
        }
    }

    @Test("a million 'a's hash to the published digest")
    func sha256Long() {
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("ASCII words split and lowercase exactly like the Unicode path", arguments: [
        "Add the CSP security headers!", "  Fix **migration**  tracking!", "config/example_amc.toml (NEW, 47 lines)",
        "ROAD-034: p50/p95 -- x_y __init__ 3.14", "", "---", "A",
    ])
    func asciiWords(text: String) throws {
        let fast = try #require(Tokens.asciiWords(text))
        var unicode: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty { unicode.append(current); current = "" }
        }
        if !current.isEmpty { unicode.append(current) }
        #expect(fast == unicode)
        #expect(Tokens.asciiWords("Café au lait") == nil)
        #expect(Tokens.words("Café AU lait") == ["café", "au", "lait"])
    }

    @Test("the stemmer and content words keep their published results")
    func stems() {
        #expect(Stemmer.stem("migrations") == "migrat")
        #expect(Stemmer.stem("headers") == "header")
        #expect(Stemmer.stem("replacement") == "replac")
        #expect(Stemmer.stem("generalization") == "gener")
        #expect(Stemmer.stem("résumés") == "résumés")
        #expect(Tokens.content("Add the CSP security headers!") == ["csp", "secur", "header"])
        #expect(Tokens.content("é 42 ab") == ["ab"])
    }

    @Test("ticket ids join like the regular expression did", arguments: [
        ("ROAD-034 and ROAD-039", "ROAD034 and ROAD039"),
        ("T-36 compliant (FEAT-9)", "T36 compliant (FEAT9)"),
        ("x_ROAD-034 ab1-23 A-1-B-2 re-run v-2a", "x_ROAD-034 ab1-23 A1-B2 re-run v-2a"),
        ("12-AB-34", "12-AB34"),
        // The characters around a key read as scalars: a letter or digit of any script is part of the word.
        ("éROAD-034 ROAD-034é ROAD-12٣", "éROAD-034 ROAD-034é ROAD-12٣"),
        ("«ROAD-034» 🚀AUT-1 日本AB-1", "«ROAD034» 🚀AUT1 日本AB-1"),
    ])
    func identifiers(text: String, expected: String) {
        #expect(TaskSimilarity.joinIdentifiers(text) == expected)
    }

    @Test("a title's head: parentheses dropped, cut at the first separator after the fourth character", arguments: [
        ("Outbound webhook retries with backoff; customers are still losing events", "Outbound webhook retries with backoff"),
        ("AUT-127: Fix retry logic", "AUT-127"),
        ("Fix (the) thing - later", "Fix  thing"),
        ("a-b - c", "a-b"),
        ("ab:cd: ef", "ab:cd"),
        ("Fix: x", "Fix: x"),
        ("Plain title", "Plain title"),
        ("Unclosed (paren: here", "Unclosed "),
        ("Café (x); y", "Café "),
        ("Déjà vu — again", "Déjà vu"),
    ])
    func head(title: String, expected: String) {
        #expect(TaskSimilarity.head(title) == expected)
    }

    @Test("byte search finds the first match as Foundation's range(of:) does, in a slice too")
    func byteSearch() throws {
        let text = "é <a href=\"x\">🚀</a> <a href=\"y\"> end<"
        for needle in ["<a href=\"", "\"", "<", "end<", "é", "🚀</a>", "zz", "<a href=\"y\"> end<!"] {
            let found = Substring(text).byteRange(of: needle)
            #expect(found == text.range(of: needle), "\(needle)")
        }
        // A slice: found at its own offsets, never before its start.
        let afterFirst = text[text.range(of: "</a>")!.upperBound...]
        let second = try #require(afterFirst.byteRange(of: "<a href=\""))
        #expect(text[second.upperBound...].hasPrefix("y"))
        #expect(afterFirst.byteRange(of: "🚀") == nil)
        #expect(Substring("").byteRange(of: "a") == nil && Substring("a").byteRange(of: "") == nil)
        #expect("Blocked by #1".asciiRange(of: "by").map { String("Blocked by #1"[$0]) } == "by")
    }
}
