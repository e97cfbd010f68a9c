/// File and anchor names that cannot escape the output folder or break an attribute.
///
/// `SafePath.fileName("../etc/passwd")` → `"etc-passwd"`; `SafePath.anchor("T-ab12 cd")` → `"T-ab12-cd"`.
enum SafePath {
    /// Letters, digits, `.`, `_` and `-` only; no leading dot, never `..`, never empty, at most 120 characters.
    /// Made on the bytes: a non-ASCII character is bytes outside the alphabet, which become one hyphen as the
    /// character did (through `Unicode.Scalar.Properties` it was 1.5% of a full build, for every anchor).
    static func fileName(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(min(text.utf8.count, 256))
        var lastWasHyphen = false
        for b in text.utf8 {
            let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
                || b == 0x5F || b == 0x2E || b == 0x2D
            if ok {
                // A run of dots is one dot: never `..`.
                if b == 0x2E && out.last == 0x2E { continue }
                out.append(b); lastWasHyphen = b == 0x2D
            } else if !lastWasHyphen && !out.isEmpty {
                out.append(0x2D); lastWasHyphen = true
            }
        }
        var start = 0, end = out.count
        while start < end, out[start] == 0x2E || out[start] == 0x2D { start += 1 }
        while end > start, out[end - 1] == 0x2E || out[end - 1] == 0x2D { end -= 1 }
        return start == end ? "item" : String(decoding: out[start..<min(end, start + 120)], as: UTF8.self)
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
