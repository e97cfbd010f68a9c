import CCMarkGFM
import Foundation
import InsightsCore

/// Every call into cmark-gfm lives here: text in, Swift values out, all C memory freed before returning.
///
/// The tree is built with cmark's iterator and an explicit stack, so a 10,000-deep block quote cannot
/// overflow the call stack; containers deeper than `maxDepth` are flattened into their ancestor.
enum CommonMarkConverter {
    static let extensionNames = ["table", "tasklist", "strikethrough", "autolink", "tagfilter"]
    static let maxDepth = 64

    /// Parses `text` into a `.document` block with 1-based source lines.
    static func parse(_ text: String) -> Block {
        withParser(text, options: CMARK_OPT_SOURCEPOS) { parser, document in
            convert(document)
        }
    }

    /// Renders `text` to HTML; raw HTML is omitted and `javascript:` links dropped unless `allowUnsafeHTML`.
    static func renderHTML(_ text: String, allowUnsafeHTML: Bool) -> String {
        let options = allowUnsafeHTML ? CMARK_OPT_UNSAFE : 0
        return withParser(text, options: options) { parser, document in
            guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
    }

    private static let registerOnce: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    private static func withParser<T>(_ text: String, options: Int32, _ body: (OpaquePointer, OpaquePointer) -> T) -> T {
        _ = registerOnce
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var utf8 = Array(text.utf8)
        // cmark-gfm keeps the inline parser's special characters in one table for the whole process: a parse
        // adds its extensions' characters (`~` for strikethrough, ...) when it reaches the inlines, and takes them
        // out again when it is done, so a parse on another core could meet a table without them and read
        // `~~gone~~` as text. Parsing is one at a time; walking and rendering the trees stays on every core.
        let document = parsing.withLock { () -> OpaquePointer in
            utf8.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                    cmark_parser_feed(parser, base, buffer.count)
                }
            }
            return cmark_parser_finish(parser)!
        }
        defer { cmark_node_free(document) }
        return body(parser, document)
    }

    /// Held while cmark-gfm parses (see `withParser`).
    private static let parsing = NSLock()

    /// A container under construction while walking the tree.
    private struct Frame {
        var node: NodeKind
        var line: Int
        var endLine: Int
        var children: [Block] = []
        var inlines: [Inline] = []
        /// True when the container was too deep and hands its content to its parent on exit.
        var isFlattened = false
    }

    private static func convert(_ document: OpaquePointer) -> Block {
        guard let iter = cmark_iter_new(document) else {
            return Block(kind: .document, line: 1, endLine: 1)
        }
        defer { cmark_iter_free(iter) }
        var stack: [Frame] = []
        var result = Block(kind: .document, line: 1, endLine: 1)

        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let kind = NodeKind(node)
            if event == CMARK_EVENT_ENTER {
                if kind.isLeaf {
                    append(leaf: kind, node: node, to: &stack)
                    continue
                }
                var frame = Frame(node: kind, line: Int(cmark_node_get_start_line(node)), endLine: Int(cmark_node_get_end_line(node)))
                frame.isFlattened = stack.count >= maxDepth
                stack.append(frame)
            } else if event == CMARK_EVENT_EXIT {
                guard let frame = stack.popLast() else { continue }
                if stack.isEmpty {
                    result = Block(kind: .document, line: 1, endLine: max(1, frame.endLine), children: frame.children)
                    continue
                }
                if frame.isFlattened {
                    stack[stack.count - 1].children += frame.children
                    stack[stack.count - 1].inlines += frame.inlines
                    continue
                }
                close(frame, into: &stack[stack.count - 1])
            }
        }
        return result
    }

    private static func close(_ frame: Frame, into parent: inout Frame) {
        switch frame.node {
        case .block(let kind):
            parent.children.append(Block(kind: kind, line: frame.line, endLine: frame.endLine,
                                         children: frame.children, inlines: frame.inlines))
        case .emphasis: parent.inlines.append(.emphasis(frame.inlines))
        case .strong: parent.inlines.append(.strong(frame.inlines))
        case .strikethrough: parent.inlines.append(.strikethrough(frame.inlines))
        case .link(let url): parent.inlines.append(.link(destination: url, frame.inlines))
        case .image(let url): parent.inlines.append(.image(source: url, frame.inlines))
        case .other:
            parent.children += frame.children
            parent.inlines += frame.inlines
        default: break
        }
    }

    private static func append(leaf kind: NodeKind, node: OpaquePointer, to stack: inout [Frame]) {
        guard !stack.isEmpty else { return }
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let line = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let top = stack.count - 1
        switch kind {
        case .text: stack[top].inlines.append(.text(literal))
        case .code: stack[top].inlines.append(.code(literal))
        case .htmlInline: stack[top].inlines.append(.html(literal))
        case .softBreak: stack[top].inlines.append(.softBreak)
        case .lineBreak: stack[top].inlines.append(.lineBreak)
        case .codeBlock(let info):
            stack[top].children.append(Block(kind: .code(info: info), line: line, endLine: endLine, literal: literal))
        case .htmlBlock:
            stack[top].children.append(Block(kind: .html, line: line, endLine: endLine, literal: literal))
        case .thematicBreak:
            stack[top].children.append(Block(kind: .thematicBreak, line: line, endLine: endLine))
        default: break
        }
    }

    /// cmark-gfm's node types, mapped once from its type strings.
    private enum NodeKind {
        case block(Block.Kind)
        case emphasis, strong, strikethrough
        case link(String), image(String)
        case text, code, htmlInline, softBreak, lineBreak
        case codeBlock(String), htmlBlock, thematicBreak
        case other

        var isLeaf: Bool {
            switch self {
            case .text, .code, .htmlInline, .softBreak, .lineBreak, .codeBlock, .htmlBlock, .thematicBreak: return true
            default: return false
            }
        }

        /// By the node's type number; only the extensions' nodes (tables, strikethrough), whose numbers are
        /// registered at run time, go by their type's name (a Swift string made and compared with every name,
        /// for every node, was 1.7% of a cold ingest).
        init(_ node: OpaquePointer) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_DOCUMENT: self = .block(.document)
            case CMARK_NODE_HEADING: self = .block(.heading(level: Int(cmark_node_get_heading_level(node))))
            case CMARK_NODE_PARAGRAPH: self = .block(.paragraph)
            case CMARK_NODE_LIST:
                let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                self = .block(.list(isOrdered: ordered, start: Int(cmark_node_get_list_start(node))))
            case CMARK_NODE_ITEM:
                // The tasklist extension marks the items it reads by their type's name.
                let isTask = cmark_node_get_type_string(node).map { strcmp($0, "tasklist") == 0 } ?? false
                self = .block(.item(isChecked: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil))
            case CMARK_NODE_BLOCK_QUOTE: self = .block(.blockQuote)
            case CMARK_NODE_EMPH: self = .emphasis
            case CMARK_NODE_STRONG: self = .strong
            case CMARK_NODE_LINK: self = .link(cmark_node_get_url(node).map { String(cString: $0) } ?? "")
            case CMARK_NODE_IMAGE: self = .image(cmark_node_get_url(node).map { String(cString: $0) } ?? "")
            case CMARK_NODE_TEXT: self = .text
            case CMARK_NODE_CODE: self = .code
            case CMARK_NODE_HTML_INLINE: self = .htmlInline
            case CMARK_NODE_SOFTBREAK: self = .softBreak
            case CMARK_NODE_LINEBREAK: self = .lineBreak
            case CMARK_NODE_CODE_BLOCK: self = .codeBlock(cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "")
            case CMARK_NODE_HTML_BLOCK: self = .htmlBlock
            case CMARK_NODE_THEMATIC_BREAK: self = .thematicBreak
            default: self = Self(named: node)
            }
        }

        /// An extension's node, by its type's name.
        private init(named node: OpaquePointer) {
            let type = cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
            switch type {
            case "table": self = .block(.table)
            case "table_header": self = .block(.tableRow(isHeader: true))
            case "table_row": self = .block(.tableRow(isHeader: false))
            case "table_cell": self = .block(.tableCell)
            case "strikethrough": self = .strikethrough
            default: self = .other
            }
        }
    }
}
