import Foundation

/// A source line that starts with a bold label: `**Root Cause**: Unknown.` or `- **Impact**: none`.
///
/// `LabelledLine("**Root Cause**: Unknown.")` → `label == "Root Cause"`, `value == "Unknown."`.
struct LabelledLine {
    let label: String
    let value: String

    /// Nil unless the line starts (after an optional bullet) with `**Label**:`, `**Label:**` or `__Label__:`.
    /// (`checksMarks: false` skips the byte check for `**` / `__`, for tests that compare the two.)
    init?(_ line: Substring, maxLabelWords: Int = 6, checksMarks: Bool = true) {
        // Most lines start with something else: an ASCII byte that is no bullet and no `*` or `_`.
        if let first = line.utf8.first(where: { !ASCII.isSpace($0) }), first < 0x80, !"-*+_".utf8.contains(first) { return nil }
        // A label needs a `**` or `__` in the line, which most bullets lack (the checks below, on `String`s, were
        // 2.9% of the instructions of a cold ingest).
        guard !checksMarks || Self.hasDoubledMark(line.utf8) else { return nil }
        var s = Substring(line.trimmingSpaces)
        for bullet in ["- ", "* ", "+ "] where s.hasPrefix(bullet) { s = s.dropFirst(2); s = Substring(s.trimmingSpaces) }
        guard s.hasPrefix("**") || s.hasPrefix("__") else { return nil }
        let fence = s.prefix(2)
        s = s.dropFirst(2)
        guard let close = s.byteRange(of: String(fence)) else { return nil }
        var label = String(s[..<close.lowerBound]).trimmingSpaces
        var rest = s[close.upperBound...]
        if label.hasSuffix(":") {
            label.removeLast()
        } else if rest.hasPrefix(":") {
            rest = rest.dropFirst()
        } else {
            return nil
        }
        label = label.trimmingSpaces
        guard !label.isEmpty, label.split(separator: " ").count <= maxLabelWords else { return nil }
        self.label = label
        self.value = rest.trimmingSpaces
    }

    /// Whether the bytes hold `**` or `__`.
    static func hasDoubledMark(_ bytes: Substring.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for b in bytes {
            if b == previous && (b == UInt8(ascii: "*") || b == UInt8(ascii: "_")) { return true }
            previous = b
        }
        return false
    }
}

/// The bold lead of a list item or paragraph: `**Fix migration tracking** - Must be done first`.
///
/// `BoldLead("**Fix migration tracking** - Must be done first")` → `title == "Fix migration tracking"`,
/// `rest == "Must be done first"`.
struct BoldLead {
    let title: String
    let rest: String

    init?(_ inlines: [Inline]) {
        guard case .strong(let inner)? = inlines.first(where: { if case .text(let t) = $0 { return !t.trimmingSpaces.isEmpty }; return true }) else { return nil }
        var title = inner.plainText.trimmingSpaces
        guard !title.isEmpty else { return nil }
        let restIndex = (inlines.firstIndex(where: { if case .strong = $0 { return true }; return false }) ?? 0) + 1
        var rest = Array(inlines[restIndex...]).plainText.trimmingSpaces
        if title.hasSuffix(":") { title.removeLast(); title = title.trimmingSpaces }
        rest = ItemText.dropLeadingSeparator(rest)
        self.title = title
        self.rest = rest
    }
}
