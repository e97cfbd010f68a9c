import Foundation

/// A `Decoder` over one value of a `JSONDocument`.
struct DocumentDecoder: Decoder {
    let document: JSONDocument
    let index: Int

    init(_ document: JSONDocument, at index: Int) { self.document = document; self.index = index }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard document.values[index].kind == .object else { throw StoredJSON.Unsupported() }
        return KeyedDecodingContainer(ObjectContainer<Key>(document: document, index: index))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard document.values[index].kind == .array else { throw StoredJSON.Unsupported() }
        return ArrayContainer(document: document, index: index)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { ValueContainer(document: document, index: index) }
}

/// An object's members, found by key.
private struct ObjectContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let document: JSONDocument
    let index: Int

    var codingPath: [any CodingKey] { [] }

    /// The index of `key`'s value, or nil when the object has no such key.
    private func find(_ key: Key) -> Int? { document.member(of: index, named: key.stringValue) }

    private func value(_ key: Key) throws -> Int {
        guard let at = find(key) else { throw StoredJSON.Unsupported() }
        return at
    }

    var allKeys: [Key] {
        let values = document.values
        var keys: [Key] = []
        var names = Set<String>()
        var at = index + 1
        for _ in 0..<Int(values[index].start) {
            // Two keys equal as strings (the same text in two Unicode forms) are left to `JSONDecoder`.
            guard let name = try? document.string(at), names.insert(name).inserted else {
                document.isDeclined = true
                return []
            }
            if let key = Key(stringValue: name) { keys.append(key) }
            at = Int(values[at + 1].next)
        }
        return keys
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { document.values[try value(key)].kind == .null }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try document.bool(try value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try document.string(try value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try document.floating(try value(key), as: Double.self) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try document.floating(try value(key), as: Float.self) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try document.integer(try value(key), as: Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try document.integer(try value(key), as: Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try document.integer(try value(key), as: Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try document.integer(try value(key), as: Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try document.integer(try value(key), as: Int64.self) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try document.integer(try value(key), as: UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try document.integer(try value(key), as: UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try document.integer(try value(key), as: UInt16.self) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try document.integer(try value(key), as: UInt32.self) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try document.integer(try value(key), as: UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try document.decode(T.self, at: try value(key)) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try DocumentDecoder(document, at: try value(key)).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try DocumentDecoder(document, at: try value(key)).unkeyedContainer()
    }
    func superDecoder() throws -> any Decoder { throw StoredJSON.Unsupported() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw StoredJSON.Unsupported() }
}

/// An array's elements, read in order.
private struct ArrayContainer: UnkeyedDecodingContainer {
    let document: JSONDocument
    var at: Int
    let count: Int?
    var currentIndex = 0

    init(document: JSONDocument, index: Int) {
        self.document = document
        self.at = index + 1
        self.count = Int(document.values[index].start)
    }

    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= count ?? 0 }

    /// The next element's index, stepping past it.
    private mutating func next() throws -> Int {
        guard !isAtEnd else { throw StoredJSON.Unsupported() }
        let here = at
        at = Int(document.values[here].next)
        currentIndex += 1
        return here
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw StoredJSON.Unsupported() }
        guard document.values[at].kind == .null else { return false }
        _ = try next()
        return true
    }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try document.bool(try next()) }
    mutating func decode(_ type: String.Type) throws -> String { try document.string(try next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try document.floating(try next(), as: Double.self) }
    mutating func decode(_ type: Float.Type) throws -> Float { try document.floating(try next(), as: Float.self) }
    mutating func decode(_ type: Int.Type) throws -> Int { try document.integer(try next(), as: Int.self) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try document.integer(try next(), as: Int8.self) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try document.integer(try next(), as: Int16.self) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try document.integer(try next(), as: Int32.self) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try document.integer(try next(), as: Int64.self) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try document.integer(try next(), as: UInt.self) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try document.integer(try next(), as: UInt8.self) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try document.integer(try next(), as: UInt16.self) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try document.integer(try next(), as: UInt32.self) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try document.integer(try next(), as: UInt64.self) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try document.decode(T.self, at: try next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try DocumentDecoder(document, at: try next()).container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try DocumentDecoder(document, at: try next()).unkeyedContainer()
    }
    mutating func superDecoder() throws -> any Decoder { throw StoredJSON.Unsupported() }
}

/// A single value.
private struct ValueContainer: SingleValueDecodingContainer {
    let document: JSONDocument
    let index: Int

    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { document.values[index].kind == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try document.bool(index) }
    func decode(_ type: String.Type) throws -> String { try document.string(index) }
    func decode(_ type: Double.Type) throws -> Double { try document.floating(index, as: Double.self) }
    func decode(_ type: Float.Type) throws -> Float { try document.floating(index, as: Float.self) }
    func decode(_ type: Int.Type) throws -> Int { try document.integer(index, as: Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try document.integer(index, as: Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try document.integer(index, as: Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try document.integer(index, as: Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try document.integer(index, as: Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try document.integer(index, as: UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try document.integer(index, as: UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try document.integer(index, as: UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try document.integer(index, as: UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try document.integer(index, as: UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try document.decode(T.self, at: index) }
}
