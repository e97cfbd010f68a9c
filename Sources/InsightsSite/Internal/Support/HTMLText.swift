import Foundation

/// Small helpers for text shown on pages: plain text from Markdown, short excerpts, heading anchors.
enum HTMLText {
    /// Markdown decorations removed: `**Fix** the \`CI\`` → `Fix the CI`.
    static func plain(_ markdown: String) -> String {
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

    /// At most `limit` characters, cut at a word boundary, with `…` when cut.
    static func excerpt(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }

    /// cmark's HTML with `data-sourcepos` attributes removed and an `id` on every heading (`h-` + slug, unique).
    static func withHeadingAnchors(_ html: String) -> String {
        var ids: Set<String> = []
        return withHeadingAnchors(html, ids: &ids)
    }

    /// As `withHeadingAnchors(_:)`, collecting the ids it gave into `ids`.
    static func withHeadingAnchors(_ html: String, ids: inout Set<String>) -> String {
        let stripped = withoutSourcePositions(html)
        var out = ""
        out.reserveCapacity(stripped.utf8.count + 256)
        var used: [String: Int] = [:]
        var rest = Substring(stripped)
        while let open = rest.range(of: "<h") {
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
            guard let end = afterH[gt...].range(of: close) else {
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

    /// cmark's HTML without its `data-sourcepos="1:1-2:5"` attributes.
    static func withoutSourcePositions(_ html: String) -> String {
        html.replacingOccurrences(of: #" data-sourcepos="[0-9:\-]*""#, with: "", options: .regularExpression)
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
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

import InsightsCore
