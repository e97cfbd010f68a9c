/// Builds a view's `TemplateValue` through its synthesized `Encodable` conformance: compiled code per view
/// type instead of `Mirror` reflection (a quarter of a full build once rendering itself was fast). A `nil`
/// optional is left out of its object and its list, as `TemplateTree` leaves it out.
///
/// `TemplateEncoder.value(of: NavItem(href: "index.html", label: "Home", isCurrent: true))` →
/// `.object(["href": .string("index.html"), "label": .string("Home"), "isCurrent": .bool(true)])`.
enum TemplateEncoder {
    /// The value of `view`; nil when it is `nil`, or when it encodes through a nested or super container, which
    /// views never do (the caller then reflects it instead).
    static func value<T: Encodable>(of view: T) -> TemplateValue? { value(of: view, in: nil) }

    /// The value of a view or of a field of the view `parent` is filling, which is marked unsupported too when
    /// this one is.
    static func value<T: Encodable>(of view: T, in parent: Slot?) -> TemplateValue? {
        if let primitive = TemplateValue.primitive(view) { return primitive }
        let slot = Slot(encoding: T.self)
        guard (try? view.encode(to: slot)) != nil, !slot.isUnsupported else { parent?.isUnsupported = true; return nil }
        if let object = slot.object { return .object(object.fields) }
        if let list = slot.list { return .list(list.items) }
        return slot.single
    }

    final class Fields { var fields = TemplateValue.Fields() }
    final class Items { var items: [TemplateValue] = [] }

    /// The encoder one value is encoded into: it fills one of its containers.
    final class Slot: Encoder {
        /// The type being encoded: a standard number encodes itself into its single-value container, and
        /// encoding it again from there would never end.
        let encoding: Any.Type
        var object: Fields?
        var list: Items?
        var single: TemplateValue?
        var isUnsupported = false
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(encoding: Any.Type) { self.encoding = encoding }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let fields = object ?? Fields()
            object = fields
            return KeyedEncodingContainer(Keyed<Key>(slot: self, box: fields))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            let items = list ?? Items()
            list = items
            return Unkeyed(slot: self, box: items)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: self) }

        /// An encoder for a nested or super container, whose output is dropped: the value is marked unsupported.
        func unsupported() -> Slot { isUnsupported = true; return Slot(encoding: Never.self) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        let box: Fields
        var codingPath: [any CodingKey] = []

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode(_ value: String, forKey key: Key) throws { box.fields.set(key.stringValue, .string(value)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { box.fields.set(key.stringValue, .int(value)) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { box.fields.set(key.stringValue, .bool(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { box.fields.set(key.stringValue, .double(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            if let rows = value as? any TemplateRows {
                box.fields.set(key.stringValue, .rows(rows.templateRows))
            } else if let v = TemplateEncoder.value(of: value, in: slot) {
                box.fields.set(key.stringValue, v)
            }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            slot.unsupported().container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { slot.unsupported().unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { slot.unsupported() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { slot.unsupported() }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        let box: Items
        var codingPath: [any CodingKey] = []
        var count: Int { box.items.count }

        mutating func encodeNil() throws {}
        mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            if let v = TemplateEncoder.value(of: value, in: slot) { box.items.append(v) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            slot.unsupported().container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { slot.unsupported().unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { slot.unsupported() }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey] = []

        mutating func encodeNil() throws { slot.single = nil }
        mutating func encode<T: Encodable>(_ value: T) throws {
            if T.self == slot.encoding {
                // A standard number (Int8, Float, ...) encoding itself.
                guard let number = TemplateValue.number(value) else { slot.isUnsupported = true; return }
                slot.single = number
            } else {
                slot.single = TemplateEncoder.value(of: value, in: slot)
            }
        }
    }
}

/// An array whose elements a view's field holds, converted as a section reaches each (`TemplateValue.Rows`).
protocol TemplateRows {
    var templateRows: TemplateValue.Rows { get }
}

extension Array: TemplateRows where Element: Encodable {
    var templateRows: TemplateValue.Rows {
        TemplateValue.Rows(count: count) { i in TemplateEncoder.value(of: self[i]) ?? TemplateTree.value(self[i]) }
    }
}

/// A view's list whose elements are made only as a section reaches each, for lists too long to hold as views:
/// the findings page's 200,000 rows and the strings made for them were 80 MB at 50,000 notes.
///
/// `LazyRows(count: 3) { i in Row(title: titles[i]) }` renders as the list of those three rows.
struct LazyRows<Element: Encodable>: Encodable, TemplateRows {
    let count: Int
    let element: @Sendable (Int) -> Element

    init(count: Int, element: @escaping @Sendable (Int) -> Element) { self.count = count; self.element = element }

    /// Rows already made (`LazyRows([])`: none).
    init(_ rows: [Element]) where Element: Sendable { self.init(count: rows.count) { rows[$0] } }

    var templateRows: TemplateValue.Rows {
        TemplateValue.Rows(count: count) { [element] i in
            let row = element(i)
            return TemplateEncoder.value(of: row) ?? TemplateTree.value(row)
        }
    }

    /// Every element, made now (for templates swift-mustache renders, see `TemplateTree`).
    var all: [Element] { (0..<count).map(element) }

    func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        for i in 0..<count { try list.encode(element(i)) }
    }
}

/// A `LazyRows` of any element type, for `TemplateTree`, which reflects views instead of encoding them.
protocol AnyLazyRows { var elements: [Any] { get } }
extension LazyRows: AnyLazyRows { var elements: [Any] { all } }
