/// A view as the template engine reads it: strings, numbers, booleans, lists and objects, so rendering is a
/// switch over cases instead of a dynamic cast per name looked up.
///
/// `TemplateValue(NavItem(href: "index.html", label: "Home", isCurrent: true))` →
/// `.object(["href": .string("index.html"), "label": .string("Home"), "isCurrent": .bool(true)])`.
indirect enum TemplateValue: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case double(Double)
    /// A list, and the view it came from (`{{list}}` prints how Swift describes it, as swift-mustache does).
    case list([TemplateValue], Original)
    case object([String: TemplateValue], Original)
    /// Anything else (an enum case, say): no children, printed as Swift describes it.
    case other(String)

    /// The value of a view (see `TemplateTree`: `nil` optionals are left out of their object).
    init(_ value: Any) {
        // Views are `Encodable`: their synthesized conformance is much cheaper than reflecting them.
        if let view = value as? any Encodable, let converted = TemplateEncoder.value(of: view) {
            self = converted
        } else {
            self = TemplateTree.value(value) ?? .object([:], Original([String: Any]()))
        }
    }

    /// The view a list or object was made from, described only if a template prints it whole.
    final class Original: @unchecked Sendable {
        // Views are immutable values, read by every rendering thread and never changed.
        let value: Any
        init(_ value: Any) { self.value = value }
        var description: String { String(describing: TemplateTree.of(value)) }
    }

    /// A string, number or boolean as its case; nil for anything else.
    static func primitive(_ value: Any) -> TemplateValue? {
        switch value {
        case let s as String: .string(s)
        case let i as Int: .int(i)
        case let b as Bool: .bool(b)
        case let d as Double: .double(d)
        default: nil
        }
    }

    /// The text `{{name}}` shows before escaping.
    var text: String {
        switch self {
        case .string(let s): s
        case .int(let i): String(i)
        case .bool(let b): b ? "true" : "false"
        case .double(let d): String(describing: d)
        case .list(_, let original), .object(_, let original): original.description
        case .other(let description): description
        }
    }

    /// The value named `name` in this one, if it is an object that has it.
    func child(_ name: Substring) -> TemplateValue? {
        if case .object(let fields, _) = self { return fields[String(name)] }
        return nil
    }
}
