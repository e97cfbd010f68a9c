/// File and anchor names that cannot escape the output folder or break an attribute.
///
/// `SafePath.fileName("../etc/passwd")` → `"etc-passwd"`; `SafePath.anchor("T-ab12 cd")` → `"T-ab12-cd"`.
enum SafePath {
    /// Letters, digits, `.`, `_` and `-` only; no leading dot, never `..`, never empty, at most 120 characters.
    static func fileName(_ text: String) -> String {
        var out = ""
        var lastWasHyphen = false
        for scalar in text.unicodeScalars {
            let ok = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "." || scalar == "-")
            if ok {
                out.unicodeScalars.append(scalar); lastWasHyphen = scalar == "-"
            } else if !lastWasHyphen && !out.isEmpty {
                out.append("-"); lastWasHyphen = true
            }
        }
        // Bytes, not Foundation's `contains` (a CFString search for every anchor of every page).
        while zip(out.utf8, out.utf8.dropFirst()).contains(where: { $0 == 0x2E && $1 == 0x2E }) {
            out = out.replacingOccurrences(of: "..", with: ".")
        }
        while let f = out.first, f == "." || f == "-" { out.removeFirst() }
        while let l = out.last, l == "." || l == "-" { out.removeLast() }
        if out.count > 120 { out = String(out.prefix(120)) }
        return out.isEmpty ? "item" : out
    }

    /// An id attribute value: the same alphabet as file names, without dots.
    static func anchor(_ text: String) -> String {
        let name = fileName(text)
        // A file name is ASCII: each dot is one byte.
        guard name.utf8.contains(0x2E) else { return name }
        return String(decoding: name.utf8.map { $0 == 0x2E ? 0x2D : $0 }, as: UTF8.self)
    }

    /// Whether an output-relative path stays inside the output folder.
    static func isContained(_ relative: String) -> Bool {
        // Bytes, not Foundation's `contains` (through NSString: 12,000 instructions a path).
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.utf8.contains(UInt8(ascii: "\\")), !relative.utf8.contains(0) else {
            return false
        }
        return !relative.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }
}

import Foundation
