/// A view that gives its `TemplateValue` itself, field by field, instead of through its `Encodable` conformance
/// (`TemplateEncoder`): the value is the same (a test compares them for every view of a real site), made without
/// `Codable`'s containers, which were a fifteenth of a full build. Fields go in declaration order; a `nil`
/// optional is left out; a list is converted an element at a time as a section reaches it, as `TemplateRows`
/// does.
protocol TemplateConvertible: Encodable {
    var templateValue: TemplateValue { get }
}

extension TemplateValue {
    /// An object of the fields `fill` sets.
    static func fields(_ fill: (inout Fields) -> Void) -> TemplateValue {
        var fields = Fields()
        fill(&fields)
        return .object(fields)
    }
}

extension TemplateValue.Fields {
    mutating func add(_ name: String, _ value: String) { set(name, .string(value)) }
    mutating func add(_ name: String, _ value: Int) { set(name, .int(value)) }
    mutating func add(_ name: String, _ value: Bool) { set(name, .bool(value)) }
    mutating func add(_ name: String, _ value: String?) { if let value { set(name, .string(value)) } }
    mutating func add(_ name: String, _ value: Int?) { if let value { set(name, .int(value)) } }
    mutating func add<View: TemplateConvertible>(_ name: String, _ value: View?) { if let value { set(name, value.templateValue) } }
    mutating func add(_ name: String, _ values: [String]) {
        set(name, .rows(TemplateValue.Rows(count: values.count) { .string(values[$0]) }))
    }
    mutating func add<View: TemplateConvertible>(_ name: String, _ values: [View]) {
        set(name, .rows(TemplateValue.Rows(count: values.count) { values[$0].templateValue }))
    }
    mutating func add<View: TemplateConvertible>(_ name: String, _ rows: LazyRows<View>) {
        set(name, .rows(TemplateValue.Rows(count: rows.count) { [element = rows.element] in element($0).templateValue }))
    }
}
