import Foundation

extension StoredJSON {
    /// Decodes a stored row: what `JSONDecoder` makes of it, without Foundation's general machinery, which
    /// was a sixth of a site build's time. The JSON is read once into a flat list of its values, then the
    /// value is decoded through its `Codable` conformance from that list. Anything this decoder does not
    /// take (a `Data`, `Date`, `URL` or `Decimal`, which Foundation decodes its own way; a number outside
    /// `Int`; a super decoder; JSON that is not well formed; any error at all) is decoded by `JSONDecoder`,
    /// which also gives the error.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        if let fast = decodedFast(type, from: data) { return fast }
        return try JSONDecoder().decode(type, from: data)
    }

    /// The value this decoder makes of `data`, or nil where it leaves the row to `JSONDecoder`.
    static func decodedFast<T: Decodable>(_ type: T.Type, from data: Data) -> T? {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let document = try? JSONDocument(bytes), let value = try? document.decode(T.self, at: 0),
                  !document.isDeclined else { return nil }
            return value
        }
    }
}

/// What the fast decoder leaves to `JSONDecoder`.
private struct Declined: Error {}

/// A JSON text as a flat list of its values in document order: a container's members follow it, and each
/// value knows where the next one after it (and after all its members) starts.
final class JSONDocument {
    enum Kind: UInt8 { case object, array, string, escapedString, number, isTrue, isFalse, null }

    struct Value {
        var kind: Kind
        /// A string's or number's bytes (a string's without its quotes); a container's member count (an
        /// object's pairs).
        var start: Int32
        var end: Int32
        /// The index of the value after this one and all its members.
        var next: Int32
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var values: [Value] = []
    /// Set when a container met something it leaves to `JSONDecoder` but cannot throw for (an object key
    /// `allKeys` cannot read, two keys equal as strings): the value decoded is then not used.
    var isDeclined = false

    /// Reads `bytes`; throws when they are not one well-formed JSON value (nesting at most 256 deep) in
    /// valid UTF-8.
    init(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard bytes.count < Int(Int32.max), String(validating: bytes, as: UTF8.self) != nil else { throw Declined() }
        self.bytes = bytes
        values.reserveCapacity(bytes.count / 12)
        var at = 0
        try read(&at, depth: 0)
        skipSpace(&at)
        guard at == bytes.count else { throw Declined() }
    }

    private func skipSpace(_ at: inout Int) {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    private func read(_ at: inout Int, depth: Int) throws {
        guard depth < 256 else { throw Declined() }
        skipSpace(&at)
        guard at < bytes.count else { throw Declined() }
        let index = values.count
        switch bytes[at] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = bytes[at] == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            values.append(Value(kind: isObject ? .object : .array, start: 0, end: 0, next: 0))
            at += 1
            skipSpace(&at)
            var count: Int32 = 0
            if at < bytes.count, bytes[at] == close {
                at += 1
            } else {
                while true {
                    if isObject {
                        skipSpace(&at)
                        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw Declined() }
                        try readString(&at)
                        skipSpace(&at)
                        guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { throw Declined() }
                        at += 1
                    }
                    try read(&at, depth: depth + 1)
                    count += 1
                    skipSpace(&at)
                    guard at < bytes.count else { throw Declined() }
                    if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                    guard bytes[at] == close else { throw Declined() }
                    at += 1
                    break
                }
            }
            values[index].start = count
        case UInt8(ascii: "\""):
            try readString(&at)
            return
        case UInt8(ascii: "t"): try literal("true", .isTrue, &at)
        case UInt8(ascii: "f"): try literal("false", .isFalse, &at)
        case UInt8(ascii: "n"): try literal("null", .null, &at)
        default:
            let start = at
            try readNumber(&at)
            values.append(Value(kind: .number, start: Int32(start), end: Int32(at), next: 0))
        }
        values[index].next = Int32(values.count)
    }

    /// A number as JSON writes it: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private func readNumber(_ at: inout Int) throws {
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") }
        func digits(_ at: inout Int) throws {
            guard isDigit(at) else { throw Declined() }
            while isDigit(at) { at += 1 }
        }
        if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
        if at < bytes.count, bytes[at] == UInt8(ascii: "0") { at += 1 } else { try digits(&at) }
        if at < bytes.count, bytes[at] == UInt8(ascii: ".") { at += 1; try digits(&at) }
        if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
            at += 1
            if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
            try digits(&at)
        }
    }

    private func literal(_ word: StaticString, _ kind: Kind, _ at: inout Int) throws {
        let n = word.utf8CodeUnitCount
        guard at + n <= bytes.count else { throw Declined() }
        for i in 0..<n where bytes[at + i] != word.utf8Start[i] { throw Declined() }
        values.append(Value(kind: kind, start: Int32(at), end: Int32(at + n), next: 0))
        at += n
    }

    /// A string at `at` (its opening quote); its escapes are checked when it is decoded.
    private func readString(_ at: inout Int) throws {
        at += 1
        let start = at
        var isEscaped = false
        while at < bytes.count {
            let b = bytes[at]
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 { throw Declined() }
            if b == UInt8(ascii: "\\") { isEscaped = true; at += 1 }
            at += 1
        }
        guard at < bytes.count else { throw Declined() }
        // Escapes are checked now, read or not (as `JSONDecoder` checks the whole text).
        if isEscaped { _ = try unescaped(UnsafeBufferPointer(rebasing: bytes[start..<at])) }
        values.append(Value(kind: isEscaped ? .escapedString : .string, start: Int32(start), end: Int32(at),
                            next: Int32(values.count + 1)))
        at += 1
    }

    // MARK: Reading values

    /// The string value at `index`.
    func string(_ index: Int) throws -> String {
        let v = values[index]
        let raw = UnsafeBufferPointer(rebasing: bytes[Int(v.start)..<Int(v.end)])
        switch v.kind {
        case .string:
            guard let s = String(validating: raw, as: UTF8.self) else { throw Declined() }
            return s
        case .escapedString: return try unescaped(raw)
        default: throw Declined()
        }
    }

    /// Whether the string at `index` is `key` (compared by bytes; an escaped string is unescaped first).
    func isKey(_ index: Int, _ key: String) -> Bool {
        let v = values[index]
        if v.kind == .escapedString { return (try? string(index)) == key }
        let raw = UnsafeBufferPointer(rebasing: bytes[Int(v.start)..<Int(v.end)])
        var key = key
        return key.withUTF8 { k in k.count == raw.count && (k.count == 0 || memcmp(k.baseAddress!, raw.baseAddress!, k.count) == 0) }
    }

    private func unescaped(_ raw: UnsafeBufferPointer<UInt8>) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        func hex4(_ at: Int) throws -> UInt32 {
            guard at + 4 <= raw.count else { throw Declined() }
            var v: UInt32 = 0
            for b in raw[at..<(at + 4)] {
                let d: UInt8
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
                default: throw Declined()
                }
                v = v << 4 | UInt32(d)
            }
            return v
        }
        while i < raw.count {
            let b = raw[i]
            guard b == UInt8(ascii: "\\") else { out.append(b); i += 1; continue }
            guard i + 1 < raw.count else { throw Declined() }
            switch raw[i + 1] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(i + 2)
                i += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    // A surrogate pair: the low half must follow as its own escape.
                    guard i + 7 < raw.count, raw[i + 2] == UInt8(ascii: "\\"), raw[i + 3] == UInt8(ascii: "u") else { throw Declined() }
                    let low = try hex4(i + 4)
                    guard (0xDC00..<0xE000).contains(low) else { throw Declined() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                guard let s = Unicode.Scalar(scalar) else { throw Declined() }
                UTF8.encode(s) { out.append($0) }
            default: throw Declined()
            }
            i += 2
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw Declined() }
        return s
    }

    /// The integer at `index` (`-?[0-9]+` only; anything else is left to `JSONDecoder`).
    func integer<T: FixedWidthInteger>(_ index: Int, as: T.Type) throws -> T {
        let v = values[index]
        guard v.kind == .number else { throw Declined() }
        var i = Int(v.start)
        let end = Int(v.end)
        let isNegative = bytes[i] == UInt8(ascii: "-")
        if isNegative { i += 1 }
        guard i < end, end - i <= 18 else { throw Declined() }
        var n: Int64 = 0
        while i < end {
            let d = bytes[i] &- UInt8(ascii: "0")
            guard d < 10 else { throw Declined() }
            n = n * 10 + Int64(d)
            i += 1
        }
        guard let value = T(exactly: isNegative ? -n : n) else { throw Declined() }
        return value
    }

    /// The number at `index` as a binary floating-point value.
    func floating<T: LosslessStringConvertible & BinaryFloatingPoint>(_ index: Int, as: T.Type) throws -> T {
        let v = values[index]
        guard v.kind == .number,
              let value = T(String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(v.start)..<Int(v.end)]), as: UTF8.self)),
              value.isFinite else { throw Declined() }
        return value
    }

    func bool(_ index: Int) throws -> Bool {
        switch values[index].kind {
        case .isTrue: return true
        case .isFalse: return false
        default: throw Declined()
        }
    }

    /// The value at `index` as `T`: a primitive read directly, anything else through its `Decodable` conformance.
    func decode<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
        // A type comparison before each cast (see `StoredJSON.write`).
        if T.self == String.self, let s = try string(index) as? T { return s }
        if T.self == Int.self, let i = try integer(index, as: Int.self) as? T { return i }
        if T.self == Bool.self, let b = try bool(index) as? T { return b }
        if T.self == Data.self || T.self == Date.self || T.self == URL.self || T.self == Decimal.self { throw Declined() }
        return try T(from: DocumentDecoder(self, at: index))
    }
}

/// A `Decoder` over one value of a `JSONDocument`.
private struct DocumentDecoder: Decoder {
    let document: JSONDocument
    let index: Int

    init(_ document: JSONDocument, at index: Int) { self.document = document; self.index = index }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard document.values[index].kind == .object else { throw Declined() }
        return KeyedDecodingContainer(ObjectContainer<Key>(document: document, index: index))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard document.values[index].kind == .array else { throw Declined() }
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
    private func find(_ key: Key) -> Int? {
        let values = document.values
        let name = key.stringValue
        var at = index + 1
        for _ in 0..<Int(values[index].start) {
            if document.isKey(at, name) { return at + 1 }
            at = Int(values[at + 1].next)
        }
        return nil
    }

    private func value(_ key: Key) throws -> Int {
        guard let at = find(key) else { throw Declined() }
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
    func superDecoder() throws -> any Decoder { throw Declined() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw Declined() }
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
        guard !isAtEnd else { throw Declined() }
        let here = at
        at = Int(document.values[here].next)
        currentIndex += 1
        return here
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw Declined() }
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
    mutating func superDecoder() throws -> any Decoder { throw Declined() }
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
