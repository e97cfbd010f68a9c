/// Parses Mustache text into `CompiledTemplate` nodes, reading it as swift-mustache's parser does (the same
/// tokens, the same text between them, the same standalone lines dropped), so both render the same pages.
///
/// `try TemplateParser.parse("{{#a}}\n  x\n{{/a}}\n")` → `[.section(a, [.text("  x\n")])]`: both tags stand
/// alone on their lines, which are dropped.
struct TemplateParser {
    /// Why a template is not compiled.
    enum Failure: Error, Sendable {
        /// It uses Mustache this engine does not compile (swift-mustache renders it instead).
        case unsupported(String)
        /// swift-mustache would not parse it either.
        case malformed(String)
    }

    static func parse(_ text: String) throws -> CompiledTemplate {
        var parser = TemplateParser(chars: Array(text))
        return CompiledTemplate(nodes: try parser.parseSection(named: nil, newLine: true))
    }

    let chars: [Character]
    var position = 0

    var isAtEnd: Bool { position == chars.count }
    /// The current character, `"\0"` past the end (as swift-mustache's parser reads it).
    var current: Character { isAtEnd ? "\0" : chars[position] }

    static let nameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let partialNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    mutating func parseSection(named sectionName: String?, newLine startsOnNewLine: Bool) throws -> [CompiledTemplate.Node] {
        var nodes: [CompiledTemplate.Node] = []
        var newLine = startsOnNewLine
        var whiteSpaceBefore = ""
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)); whiteSpaceBefore = "" }
        }
        while !isAtEnd {
            if newLine { whiteSpaceBefore = read { $0 == " " || $0 == "\t" } }
            let text = readUntilTagOrNewline()
            if current.isNewline {
                nodes.append(.text(whiteSpaceBefore + text + String(current)))
                newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                newLine = false
            }
            if isAtEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let isInverted = current == "^"
                position += 1
                let name = try readName()
                if isStandalone(newLine) { setNewLine = true } else { flushWhiteSpace() }
                let children = try parseSection(named: name, newLine: setNewLine)
                nodes.append(.section(Self.name(name), isInverted: isInverted, children))
            case "/":
                position += 1
                let name = try readName()
                guard name == sectionName else { throw Failure.malformed("{{/\(name)}} closes no open section") }
                if !isStandalone(newLine) { flushWhiteSpace() }
                return nodes
            case "!":
                position += 1
                try skipComment()
                setNewLine = isStandalone(newLine)
            case "{":
                flushWhiteSpace()
                position += 1
                let name = try readName()
                guard current == "}" else { throw Failure.malformed("{{{\(name)}} is not closed with }}}") }
                position += 1
                nodes.append(.variable(Self.name(name), isEscaped: false))
            case "&":
                flushWhiteSpace()
                position += 1
                nodes.append(.variable(Self.name(try readName()), isEscaped: false))
            case ">":
                position += 1
                _ = read { $0.isWhitespace }
                if current == "*" { throw Failure.unsupported("dynamic partials ({{>*name}})") }
                let name = try readPartialName()
                // The indentation is written out, and also given to a standalone partial's later lines.
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                if isStandalone(newLine) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whiteSpaceBefore))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = ""
            case "<", "$", "=", "%":
                throw Failure.unsupported("{{\(current)...}} tags")
            default:
                flushWhiteSpace()
                nodes.append(.variable(Self.name(try readName()), isEscaped: true))
            }
            newLine = setNewLine
        }
        if let sectionName { throw Failure.malformed("{{#\(sectionName)}} is never closed") }
        return nodes
    }

    /// Text up to a line break or the next `{{` (consumed).
    mutating func readUntilTagOrNewline() -> String {
        var text = ""
        while !isAtEnd {
            let start = position
            while !isAtEnd && chars[position] != "\n" && chars[position] != "\r\n" && chars[position] != "{" { position += 1 }
            text += String(chars[start..<position])
            if current.isNewline { break }
            if current == "{" {
                if position + 1 < chars.count && chars[position + 1] == "{" { position += 2; break }
                text += "{"
                position += 1
            }
        }
        return text
    }

    /// A tag's name up to `}}` (consumed); a name with brackets is a transform.
    mutating func readName() throws -> String {
        let name = try readTagName(Self.nameChars)
        if name.contains("(") || name.contains(")") { throw Failure.unsupported("transforms (\(name))") }
        return name
    }

    mutating func readPartialName() throws -> String { try readTagName(Self.partialNameChars) }

    /// White space, a name of `allowed` characters, white space and `}}` (consumed).
    mutating func readTagName(_ allowed: Set<Character>) throws -> String {
        _ = read { $0.isWhitespace }
        let name = read { allowed.contains($0) }
        _ = read { $0.isWhitespace }
        guard readCloser() else { throw Failure.malformed("a tag is not closed with }}") }
        return name
    }

    mutating func readCloser() -> Bool {
        guard position + 1 < chars.count, chars[position] == "}", chars[position + 1] == "}" else { return false }
        position += 2
        return true
    }

    /// Past the comment's `}}`, matched as swift-mustache matches it.
    mutating func skipComment() throws {
        let closer: [Character] = ["}", "}"]
        var matched = 0
        while !isAtEnd {
            if chars[position] == closer[matched] {
                matched += 1
                if matched == closer.count { position += 1; return }
            } else {
                matched = 0
            }
            position += 1
        }
        throw Failure.malformed("a comment is not closed with }}")
    }

    /// Whether a tag on a line of its own ends here: only spaces or tabs up to a line break (consumed), or the end.
    mutating func isStandalone(_ newLine: Bool) -> Bool {
        guard newLine else { return false }
        if isAtEnd { return true }
        var p = position
        while p < chars.count && (chars[p] == " " || chars[p] == "\t") { p += 1 }
        let next: Character = p < chars.count ? chars[p] : "\0"
        guard next.isNewline else { return false }
        position = p + 1
        return true
    }

    mutating func read(while test: (Character) -> Bool) -> String {
        let start = position
        while !isAtEnd && test(chars[position]) { position += 1 }
        return String(chars[start..<position])
    }

    static func name(_ text: String) -> CompiledTemplate.Name {
        CompiledTemplate.Name(parts: text.split(separator: "."), isImplicit: text == ".", isAnchored: text.first == ".")
    }
}
