/// One block of a parsed Markdown note, with its 1-based source lines.
///
/// `InsightsMarkdown` builds this tree from cmark-gfm; extraction in Core reads it and never sees C.
/// `"## Remaining Work"` → `Block(kind: .heading(level: 2), line: 1, endLine: 1, inlines: [.text("Remaining Work")])`
public struct Block: Sendable, Hashable {
    /// What kind of block this is.
    public enum Kind: Sendable, Hashable {
        case document
        case heading(level: Int)
        case paragraph
        case list(isOrdered: Bool, start: Int)
        /// A list item; `isChecked` is nil for a plain item, true for `- [x]`, false for `- [ ]`.
        case item(isChecked: Bool?)
        case blockQuote
        case code(info: String)
        case html
        case thematicBreak
        case table
        case tableRow(isHeader: Bool)
        case tableCell
    }

    public var kind: Kind
    public var line: Int
    public var endLine: Int
    public var children: [Block]
    /// Inline content of headings, paragraphs and table cells.
    public var inlines: [Inline]
    /// Literal text of code and HTML blocks.
    public var literal: String

    public init(kind: Kind, line: Int, endLine: Int, children: [Block] = [], inlines: [Inline] = [], literal: String = "") {
        self.kind = kind
        self.line = line
        self.endLine = endLine
        self.children = children
        self.inlines = inlines
        self.literal = literal
    }
}

/// Inline content: text and the few spans extraction cares about.
public indirect enum Inline: Sendable, Hashable {
    case text(String)
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case link(destination: String, [Inline])
    case image(source: String, [Inline])
    case html(String)
    case softBreak
    case lineBreak
}

extension Block {
    /// The block's inline text flattened to plain text (`**Bold** _x_` → `Bold x`).
    public var plainText: String { inlines.plainText }

    /// Plain text of this block and everything under it, blocks separated by newlines.
    public var deepPlainText: String {
        switch kind {
        case .code, .html: return literal
        default:
            if children.isEmpty { return plainText }
            let parts = (inlines.isEmpty ? [] : [plainText]) + children.map(\.deepPlainText)
            return parts.filter { !$0.isEmpty }.joined(separator: kind == .tableRow(isHeader: true) || kind == .tableRow(isHeader: false) ? " | " : "\n")
        }
    }

    /// The heading level, or nil when this is not a heading.
    public var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }

    /// Whether all of the block's text is struck through (`~~withdrawn~~`).
    public var isStruck: Bool {
        let visible = inlines.filter { if case .text(let t) = $0 { return !t.allSatisfy(\.isWhitespace) }; return true }
        guard !visible.isEmpty else { return false }
        return visible.allSatisfy { if case .strikethrough = $0 { return true }; return false }
    }

    /// Whether all of the block's text is bold (`**Good luck!**`).
    public var isAllBold: Bool {
        let visible = inlines.filter { if case .text(let t) = $0 { return !t.allSatisfy(\.isWhitespace) }; return true }
        guard !visible.isEmpty else { return false }
        return visible.allSatisfy { if case .strong = $0 { return true }; return false }
    }

    /// Whether this is a list, ordered or not.
    public var isList: Bool {
        if case .list = kind { return true }
        return false
    }
}

extension Array where Element == Inline {
    /// Plain text of a run of inlines: markup dropped, breaks as spaces.
    public var plainText: String {
        var out = ""
        for inline in self { inline.appendPlainText(to: &out) }
        return out
    }
}

extension Inline {
    func appendPlainText(to out: inout String) {
        switch self {
        case .text(let s), .code(let s): out += s
        case .html: break
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, let c), .image(_, let c):
            for i in c { i.appendPlainText(to: &out) }
        case .softBreak, .lineBreak: out += " "
        }
    }
}
