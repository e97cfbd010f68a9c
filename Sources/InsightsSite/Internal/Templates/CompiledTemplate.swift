/// A Mustache template parsed once into nodes and rendered over a `TemplateValue`, giving the same text as
/// swift-mustache for the Mustache it accepts (variables, `{{{ }}}` and `{{& }}`, sections, inverted sections,
/// comments, partials, dotted names; standalone lines dropped as swift-mustache drops them). Transforms,
/// inheritance, set delimiters, dynamic partials and `{{% }}` are not compiled: `TemplateParser` refuses them
/// and the build renders such a template set with swift-mustache instead (see `SiteTemplates`).
///
/// `try TemplateParser.parse("{{#items}}<li>{{name}}</li>\n{{/items}}")` rendered with
/// `{"items": [{"name": "a<b"}]}` → `"<li>a&lt;b</li>\n"`.
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        /// A name split at dots (`[]` for `.`), whether it is looked up from the current object only (a leading
        /// dot), and whether its text is HTML-escaped.
        case variable(Name, isEscaped: Bool)
        case section(Name, isInverted: Bool, [Node])
        /// A partial, and the indentation of a standalone one.
        case partial(String, indentation: String?)
    }

    struct Name: Sendable, Hashable {
        var parts: [Substring]
        var isImplicit: Bool
        var isAnchored: Bool
    }

    let nodes: [Node]

    /// Renders with `value` as the root context; `partials` resolves `{{> name}}`.
    func render(_ value: TemplateValue, partials: [String: CompiledTemplate]) -> String {
        var out = ""
        render(value, partials: partials, into: &out)
        return out
    }

    /// Renders into `out` as it goes (a page's file: see `PageOutput`).
    func render<Output: TemplateOutput>(_ value: TemplateValue, partials: [String: CompiledTemplate], into out: inout Output) {
        var stack = [value]
        Self.render(nodes, stack: &stack, partials: partials, indentation: nil, into: &out)
    }

    private static func render<Output: TemplateOutput>(_ nodes: [Node], stack: inout [TemplateValue],
                                                       partials: [String: CompiledTemplate], indentation: String?,
                                                       into out: inout Output) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, stack: &stack, partials: partials, indentation: indentation, into: &out) }
            return
        }
        // An indented partial: what each node renders after a line break starts with the indentation.
        var own = ""
        for node in nodes {
            var piece = ""
            render(node, stack: &stack, partials: partials, indentation: indentation, into: &piece)
            if !piece.isEmpty, own.last == "\n" { own += indentation }
            own += piece
        }
        out.append(own)
    }

    private static func render<Output: TemplateOutput>(_ node: Node, stack: inout [TemplateValue],
                                                       partials: [String: CompiledTemplate], indentation: String?,
                                                       into out: inout Output) {
        switch node {
        case .text(let text):
            out.append(text)
        case .variable(let name, let isEscaped):
            guard let value = lookUp(name, in: stack) else { return }
            if isEscaped { HTMLEscape.append(value.text, to: &out) } else { out.append(value.text) }
        case .section(let name, let isInverted, let children):
            let value = lookUp(name, in: stack)
            if isInverted {
                switch value {
                case .list(let items)?:
                    guard items.isEmpty else { return }
                    // swift-mustache renders an empty list's inverted section with the list as its context.
                    stack.append(.list(items))
                    render(children, stack: &stack, partials: partials, indentation: indentation, into: &out)
                    stack.removeLast()
                case .rows(let rows)?:
                    guard rows.isEmpty else { return }
                    stack.append(.list([]))
                    render(children, stack: &stack, partials: partials, indentation: indentation, into: &out)
                    stack.removeLast()
                case .bool(let b)?:
                    if !b { render(children, stack: &stack, partials: partials, indentation: indentation, into: &out) }
                case nil:
                    render(children, stack: &stack, partials: partials, indentation: indentation, into: &out)
                default:
                    return
                }
                return
            }
            switch value {
            case .list(let items)?:
                for item in items {
                    stack.append(item)
                    render(children, stack: &stack, partials: partials, indentation: indentation, into: &out)
                    stack.removeLast()
                }
            case .rows(let rows)?:
                for i in 0..<rows.count {
                    guard let item = rows.element(i) else { continue }
                    stack.append(item)
                    render(children, stack: &stack, partials: partials, indentation: indentation, into: &out)
                    stack.removeLast()
                }
            case .bool(let b)?:
                if b { render(children, stack: &stack, partials: partials, indentation: indentation, into: &out) }
            case nil:
                return
            case let other?:
                stack.append(other)
                render(children, stack: &stack, partials: partials, indentation: indentation, into: &out)
                stack.removeLast()
            }
        case .partial(let name, let indented):
            guard let template = partials[name] else { return }
            let inner = indented.map { (indentation ?? "") + $0 } ?? indentation
            render(template.nodes, stack: &stack, partials: partials, indentation: inner, into: &out)
        }
    }

    /// swift-mustache's lookup: `.` is the current object; a leading dot reads the current object only;
    /// otherwise the first part is looked for from the innermost object outward, the rest inside what it found.
    private static func lookUp(_ name: Name, in stack: [TemplateValue]) -> TemplateValue? {
        guard let current = stack.last else { return nil }
        if name.isImplicit { return current }
        guard let first = name.parts.first else { return current }
        var found: TemplateValue?
        if name.isAnchored {
            found = current.child(first)
        } else {
            for object in stack.reversed() {
                if let child = object.child(first) { found = child; break }
            }
        }
        for part in name.parts.dropFirst() {
            guard let next = found?.child(part) else { return nil }
            found = next
        }
        return found
    }
}

/// HTML escaping of `<`, `>`, `&`, `"` and `'`, byte by byte. The five are ASCII, so no other character's UTF-8
/// holds them; swift-mustache compares whole Characters instead, and leaves a `"` that a combining mark follows
/// unescaped although a browser still ends the attribute there (`content="{{description}}"` from note text).
enum HTMLEscape {
    static func append<Output: TemplateOutput>(_ text: String, to out: inout Output) {
        // Over the bytes in memory: through String's UTF-8 view, each byte's index cost more than its test
        // (a build of 2,000 notes escapes 316,000 values).
        var text = text
        text.makeContiguousUTF8()  // what it is already, unless bridged
        let escaped: String?? = text.utf8.withContiguousStorageIfAvailable { utf8 in
            guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count + 16)
            for b in utf8 {
                switch b {
                case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
                case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
                case 0x26: bytes.append(contentsOf: "&amp;".utf8)
                case 0x22: bytes.append(contentsOf: "&quot;".utf8)
                case 0x27: bytes.append(contentsOf: "&#39;".utf8)
                default: bytes.append(b)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        out.append((escaped ?? nil) ?? text)
    }
}

/// Where rendered text goes: a `String`, or a page on its way to its file (`PageOutput`).
protocol TemplateOutput {
    mutating func append(_ text: String)
}

extension String: TemplateOutput {}
