import Foundation

/// Makes a rendered note's links safe to publish: web and mail links stay, links to another note of the
/// journal point at its page, links to a heading point at its anchor, anything else loses its `href`.
///
/// `<a href="2025-12-17-session-insights.md">` → `<a href="2025-12-17-session-insights.html">` (same folder);
/// `<a href="../src/main.swift">` → `<a title="../src/main.swift (not part of the site)">`.
struct NoteLinks {
    /// Note file name (`x.md`, lowercased) → output path of its session page relative to another session page.
    var notePages: [String: String]
    /// Heading ids on this page (`h-` + slug).
    var headingIDs: Set<String>

    func rewrite(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var rest = Substring(html)
        // The next link and the next image, each searched for again only once passed (searching the rest of
        // the page for both at every link, with Foundation's `range(of:)`, was 5% of a full build). Bytes: in
        // cmark's HTML tags are ASCII and text has its `<` escaped.
        var link = rest.byteRange(of: "<a href=\""), image = rest.byteRange(of: "<img src=\"")
        while let r = [link, image].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) {
            let isImage = r == image
            guard let end = rest[r.upperBound...].byteRange(of: "\"")?.lowerBound else { break }
            let target = String(rest[r.upperBound..<end])
            out += rest[..<r.lowerBound]
            if let kept = resolve(target, isImage: isImage) {
                out += (isImage ? "<img src=\"" : "<a href=\"") + kept + "\""
            } else {
                out += (isImage ? "<img" : "<a") + " title=\"" + target + " (not part of the site)\""
            }
            rest = rest[rest.index(after: end)...]
            if let l = link, l.lowerBound < rest.startIndex { link = rest.byteRange(of: "<a href=\"") }
            if let i = image, i.lowerBound < rest.startIndex { image = rest.byteRange(of: "<img src=\"") }
        }
        return out + rest
    }

    private func resolve(_ escapedTarget: String, isImage: Bool) -> String? {
        let target = HTMLText.decodeEntities(escapedTarget)
        let lower = target.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") || (!isImage && lower.hasPrefix("mailto:")) {
            return escapedTarget
        }
        if target.hasPrefix("#") {
            let name = String(target.dropFirst())
            if headingIDs.contains("h-" + Slug.make(name)) { return "#h-" + Slug.make(name) }
            return headingIDs.contains(name) ? escapedTarget : nil
        }
        guard !isImage else { return nil }
        let path = target.split(separator: "#", maxSplits: 1).first.map(String.init) ?? target
        let file = PathParts.name(path).lowercased()
        return notePages[file]
    }
}

import InsightsCore
