import Foundation

/// Small helpers for text shown on pages: plain text from Markdown, short excerpts, heading anchors.
enum HTMLText {
    /// Markdown decorations removed: `**Fix** the \`CI\`` → `Fix the CI`.
    static func plain(_ markdown: String) -> String {
        if let ascii = asciiPlain(markdown) { return ascii }
        var out = String.UnicodeScalarView()
        var lastSpace = false
        // Scalars, not Characters: the same output (every kept scalar is copied in order) without grapheme breaking.
        for scalar in markdown.unicodeScalars {
            switch scalar {
            case "*", "_", "`", "#", ">", "|", "~", "[", "]": continue
            default: break
            }
            if scalar.properties.isWhitespace {
                if !lastSpace && !out.isEmpty { out.append(" ") }
                lastSpace = true
            } else {
                out.append(scalar); lastSpace = false
            }
        }
        while out.last == " " { out.removeLast() }
        return String(out)
    }

    /// `plain` of ASCII text, by bytes (the white space of ASCII is tab, line feed, vertical tab, form feed,
    /// return and space); nil for other text.
    static func asciiPlain(_ markdown: String) -> String? {
        var text = markdown
        // Written into the string's own buffer, read from the text's contiguous bytes (through an array and the
        // UTF-8 view it was 3.5% of a full build).
        return text.withUTF8 { bytes -> String? in
            var isASCII = true
            let plain = String(unsafeUninitializedCapacity: bytes.count) { out in
                var o = 0
                var lastSpace = false
                for b in bytes {
                    guard b < 0x80 else { isASCII = false; return 0 }
                    switch b {
                    case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "#"), UInt8(ascii: ">"),
                         UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "["), UInt8(ascii: "]"): continue
                    default: break
                    }
                    if b == 32 || (b >= 9 && b <= 13) {
                        if !lastSpace && o > 0 { out[o] = 32; o += 1 }
                        lastSpace = true
                    } else {
                        out[o] = b; o += 1; lastSpace = false
                    }
                }
                while o > 0 && out[o - 1] == 32 { o -= 1 }
                return o
            }
            return isASCII ? plain : nil
        }
    }

    /// At most `limit` characters, cut at a word boundary, with `…` when cut.
    static func excerpt(_ text: String, limit: Int) -> String {
        // No more bytes than the limit: no more characters either.
        guard text.utf8.count > limit, text.count > limit else { return text }
        var cut = String(text.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }

    /// cmark's HTML (rendered without source positions) with an `id` on every heading (`h-` + slug, unique),
    /// collecting the ids it gave into `ids`.
    static func withHeadingAnchors(_ html: String, ids: inout Set<String>) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var used: [String: Int] = [:]
        var rest = Substring(html)
        // Bytes: in cmark's HTML tags are ASCII and text has its `<` escaped.
        while let open = rest.byteRange(of: "<h") {
            let afterH = rest[open.upperBound...]
            guard let level = afterH.first, ("1"..."6").contains(level),
                  let gt = afterH.firstIndex(of: ">") else {
                out += rest[..<open.upperBound]; rest = afterH; continue
            }
            let attrs = afterH[afterH.index(after: afterH.startIndex)..<gt]
            guard attrs.isEmpty || attrs.first == " " else {
                out += rest[..<open.upperBound]; rest = afterH; continue
            }
            let close = "</h\(level)>"
            guard let end = afterH[gt...].byteRange(of: close) else {
                out += rest[..<open.upperBound]; rest = afterH; continue
            }
            let inner = afterH[afterH.index(after: gt)..<end.lowerBound]
            var slug = Slug.make(decodeEntities(stripTags(String(inner))))
            if let n = used[slug] { used[slug] = n + 1; slug += "-\(n + 1)" } else { used[slug] = 1 }
            ids.insert("h-" + slug)
            out += rest[..<open.lowerBound]
            out += "<h\(level)\(attrs) id=\"h-\(slug)\">\(inner)<a class=\"anchor\" href=\"#h-\(slug)\" aria-label=\"Link to this section\">#</a>\(close)"
            rest = afterH[end.upperBound...]
        }
        out += rest
        return out
    }

    static func stripTags(_ html: String) -> String {
        var out = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { out.append(ch) }
        }
        return out
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.utf8.contains(0x26) else { return s }  // no `&`: nothing to decode
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

import InsightsCore
