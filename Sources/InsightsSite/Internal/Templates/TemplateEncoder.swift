/// Builds a view's `TemplateValue` through its synthesized `Encodable` conformance: compiled code per view
/// type instead of `Mirror` reflection (a quarter of a full build once rendering itself was fast). A `nil`
/// optional is left out of its object and its list, as `TemplateTree` leaves it out.
///
/// `TemplateEncoder.value(of: NavItem(href: "index.html", label: "Home", isCurrent: true))` →
/// `.object(["href": .string("index.html"), "label": .string("Home"), "isCurrent": .bool(true)])`.
enum TemplateEncoder {
    /// The value of `view`; nil when it is `nil` (or its encoding fails, which views never do).
    static func value<T: Encodable>(of view: T) -> TemplateValue? {
        if let primitive = TemplateValue.primitive(view) { return primitive }
        let slot = Slot()
        guard (try? view.encode(to: slot)) != nil else { return nil }
        if let object = slot.object { return .object(object.fields, .init(view)) }
        if let list = slot.list { return .list(list.items, .init(view)) }
        return slot.single
    }

    final class Fields { var fields: [String: TemplateValue] = [:] }
    final class Items { var items: [TemplateValue] = [] }

    /// The encoder one value is encoded into: it fills one of its containers.
    final class Slot: Encoder {
        var object: Fields?
        var list: Items?
        var single: TemplateValue?
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let fields = object ?? Fields()
            object = fields
            return KeyedEncodingContainer(Keyed<Key>(box: fields))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            let items = list ?? Items()
            list = items
            return Unkeyed(box: items)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: self) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Fields
        var codingPath: [any CodingKey] = []

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode(_ value: String, forKey key: Key) throws { box.fields[key.stringValue] = .string(value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { box.fields[key.stringValue] = .int(value) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { box.fields[key.stringValue] = .bool(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { box.fields[key.stringValue] = .double(value) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            if let v = TemplateEncoder.value(of: value) { box.fields[key.stringValue] = v }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = Fields()
            box.fields[key.stringValue] = .object([:], TemplateEncoder.unprintable)
            return KeyedEncodingContainer(Keyed<NestedKey>(box: nested))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { Unkeyed(box: Items()) }
        mutating func superEncoder() -> any Encoder { Slot() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { Slot() }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: Items
        var codingPath: [any CodingKey] = []
        var count: Int { box.items.count }

        mutating func encodeNil() throws {}
        mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            if let v = TemplateEncoder.value(of: value) { box.items.append(v) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(box: Fields()))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(box: Items()) }
        mutating func superEncoder() -> any Encoder { Slot() }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey] = []

        mutating func encodeNil() throws { slot.single = nil }
        mutating func encode<T: Encodable>(_ value: T) throws { slot.single = TemplateEncoder.value(of: value) }
    }

    /// Views never encode through nested containers; anything that does is not printed whole.
    static let unprintable = TemplateValue.Original([String: Any]())
}
