/// A view as the template engine reads it: strings, numbers, booleans, lists and objects, so rendering is a
/// switch over cases instead of a dynamic cast per name looked up.
///
/// `TemplateValue(NavItem(href: "index.html", label: "Home", isCurrent: true))` →
/// `.object(["href": .string("index.html"), "label": .string("Home"), "isCurrent": .bool(true)])`.
///
/// Not `indirect`: lists and objects already hold their children by reference, and boxing every case put each
/// field of each row on the heap (the findings page at 50,000 notes holds 200,000 rows).
enum TemplateValue: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case double(Double)
    case list([TemplateValue])
    /// A view's array, each element converted only when a section reaches it (see `Rows`).
    case rows(Rows)
    case object(Fields)
    /// Anything else (an enum case, say): no children, printed as Swift describes it.
    case other(String)

    /// The value of a view (see `TemplateTree`: `nil` optionals are left out of their object).
    init(_ value: Any) {
        // The site's views make their own value; other `Encodable` values go through their synthesized
        // conformance, much cheaper than reflecting them.
        if let view = value as? any TemplateConvertible {
            self = view.templateValue
        } else if let view = value as? any Encodable, let converted = TemplateEncoder.value(of: view) {
            self = converted
        } else {
            self = TemplateTree.value(value) ?? .object([:])
        }
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

    /// Any other standard number as `.int` or `.double`; nil for anything else.
    static func number(_ value: Any) -> TemplateValue? {
        switch value {
        case let i as any BinaryInteger: .int(Int(truncatingIfNeeded: i))
        case let f as any BinaryFloatingPoint: .double(Double(f))
        default: nil
        }
    }

    /// The text `{{name}}` shows before escaping. A list or object prints as Swift describes an array or
    /// dictionary of its values, as swift-mustache prints one (whose dictionaries come in hash order; keys here
    /// are sorted).
    var text: String {
        switch self {
        case .string(let s): s
        case .int(let i): String(i)
        case .bool(let b): b ? "true" : "false"
        case .double(let d): String(describing: d)
        case .list(let items): "[" + items.map(\.element).joined(separator: ", ") + "]"
        case .rows(let rows): TemplateValue.list(rows.all).text
        case .object(let fields) where fields.pairs.isEmpty: "[:]"
        case .object(let fields):
            "[" + Set(fields.pairs.map(\.key)).sorted().map { $0.debugDescription + ": " + (fields[$0]?.element ?? "") }
                .joined(separator: ", ") + "]"
        case .other(let description): description
        }
    }

    /// How Swift describes the value as an element of a collection: strings quoted.
    private var element: String {
        if case .string(let s) = self { return s.debugDescription }
        return text
    }

    /// An array of a view, converted one element at a time as a section walks it: the findings page at 50,000
    /// notes has 200,000 rows, and converting them all at once held 120 MB more. An element that converts to
    /// nil (a `nil` in an array of optionals) is skipped, as a list leaves it out.
    final class Rows: @unchecked Sendable {
        // Views are immutable values, read by every rendering thread and never changed.
        let count: Int
        let element: (Int) -> TemplateValue?

        init(count: Int, element: @escaping (Int) -> TemplateValue?) { self.count = count; self.element = element }

        var all: [TemplateValue] { (0..<count).compactMap(element) }

        /// Whether no element converts to a value (`{{^list}}` renders): converts up to the first that does.
        var isEmpty: Bool { !(0..<count).contains { element($0) != nil } }
    }

    /// The value named `name` in this one, if it is an object that has it.
    func child(_ name: Substring) -> TemplateValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }

    /// An object's fields in the order they were set, looked up by comparing names: a view has a dozen fields,
    /// and a dictionary hashed every name set and every name a template looked up (a twentieth of a build).
    /// A name set twice keeps its last value.
    struct Fields: Sendable, ExpressibleByDictionaryLiteral {
        var pairs: [(key: String, value: TemplateValue)] = []

        init() {}
        init(dictionaryLiteral elements: (String, TemplateValue)...) { pairs = elements.map { ($0.0, $0.1) } }

        subscript<S: StringProtocol>(name: S) -> TemplateValue? {
            get {
                // By index, newest first: a loop over the pairs copied each one (its name and value retained).
                let length = name.utf8.count
                var i = pairs.count
                while i > 0 {
                    i -= 1
                    if pairs[i].key.utf8.count == length && pairs[i].key == name { return pairs[i].value }
                }
                return nil
            }
        }

        mutating func set(_ name: String, _ value: TemplateValue) { pairs.append((name, value)) }
    }
}
