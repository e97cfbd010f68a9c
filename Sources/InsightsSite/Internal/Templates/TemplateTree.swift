/// Converts a view value into the `TemplateValue` tree the engine reads, reflecting it once.
///
/// swift-mustache looks a name up in a plain struct through `Mirror`, reflecting every stored property on every
/// lookup and again on each enclosing context while it searches outward (half of a full build's time at 2,000
/// sessions). Reflecting the view once keeps the template semantics: a `nil` optional is left out, so the
/// lookup falls through to the enclosing context as it does for a `nil` property.
enum TemplateTree {
    /// The view as `[String: Any]` dictionaries and arrays, for swift-mustache (templates the engine does not
    /// compile, see `SiteTemplates`).
    static func of(_ value: Any) -> Any {
        convert(value) ?? [String: Any]()
    }

    private static func convert(_ value: Any) -> Any? {
        switch value {
        case is String, is Int, is Bool, is Double: return value
        case let rows as any AnyLazyRows: return rows.elements.compactMap(convert)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { convert($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let converted = convert(child.value) { fields[label] = converted }
            }
            return fields
        case .collection, .set:
            return mirror.children.compactMap { convert($0.value) }
        default:
            return value
        }
    }

    /// The same conversion, into `TemplateValue`; nil for a `nil` optional.
    static func value(_ value: Any) -> TemplateValue? {
        if let primitive = TemplateValue.primitive(value) { return primitive }
        if value is any AnyLazyRows, let rows = value as? any TemplateRows { return .rows(rows.templateRows) }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { self.value($0.value) }
        case .struct, .class:
            var fields = TemplateValue.Fields()
            for child in mirror.children {
                if let label = child.label, let converted = self.value(child.value) { fields.set(label, converted) }
            }
            return .object(fields)
        case .collection, .set:
            let items = mirror.children.compactMap { self.value($0.value) }
            return .list(items)
        default:
            return .other(String(describing: value))
        }
    }
}
