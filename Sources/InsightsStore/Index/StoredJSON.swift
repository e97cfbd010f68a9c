import Foundation

/// The JSON the index stores for sessions, tasks and failure clusters: byte for byte what swift-foundation's
/// `JSONEncoder` with `.sortedKeys` writes (the same escapes, `/` included; keys in UTF-8 order, as on Linux;
/// `nil` optionals left out), made
/// without Foundation's general machinery, which was a sixth of a cold ingest's time. The stored models write
/// themselves field by field (`StoredJSONWritable`, five times faster); other values are walked through
/// their `Codable` conformance; one this encoder does not take (a Double, a `Data`, `Date`, `URL` or `Decimal`,
/// which Foundation encodes its own way, a nested or super container, any error) is encoded by `JSONEncoder`.
///
/// `StoredJSON.encode(Completed(title: "Ship it", status: "Done", line: 3))` →
/// `{"line":3,"note":"","section":"","status":"Done","title":"Ship it"}`.
enum StoredJSON {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        if let model = value as? any StoredJSONWritable {
            var out = JSONOut(capacity: 1024)
            model.write(to: &out)
            return Data(out.bytes)
        }
        var out: [UInt8] = []
        out.reserveCapacity(512)
        do {
            try write(value, into: &out)
        } catch {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return try encoder.encode(value)
        }
        return Data(out)
    }

    /// What this encoder leaves to `JSONEncoder`, or the decoder (`StoredJSON.decode`) to `JSONDecoder`.
    struct Unsupported: Error {}

    static func write<T: Encodable>(_ value: T, into out: inout [UInt8]) throws {
        // A type comparison before each cast: this runs for every value of every field, and a failed dynamic
        // cast costs more than the comparison.
        if T.self == String.self, let s = value as? String {
            string(s, into: &out)
        } else if T.self == Int.self, let i = value as? Int {
            out.append(contentsOf: String(i).utf8)
        } else if T.self == Bool.self, let b = value as? Bool {
            out.append(contentsOf: b ? "true".utf8 : "false".utf8)
        } else if T.self == Data.self || T.self == Date.self || T.self == URL.self || T.self == Decimal.self {
            throw Unsupported()
        } else {
            let writer = Writer(encoding: T.self)
            try value.encode(to: writer)
            try writer.finish(into: &out)
        }
    }

    /// A JSON string: `"`, `\` and `/` escaped with a backslash, \b \f \n \r \t by name, other control bytes as
    /// `\u00xx`, everything else as its UTF-8 bytes.
    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var mark = 0
            var i = 0
            while i < bytes.count {
                // Eight bytes at a time while none needs escaping (nearly all of a note's text).
                if let base = bytes.baseAddress, i + 8 <= bytes.count,
                   !hasEscapedByte(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let b = bytes[i]
                i += 1
                guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x2F else { continue }
                let at = i - 1
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[mark..<at]))
                mark = at + 1
                out.append(0x5C)
                switch b {
                case 0x22, 0x5C, 0x2F: out.append(b)
                case 0x08: out.append(0x62)
                case 0x0C: out.append(0x66)
                case 0x0A: out.append(0x6E)
                case 0x0D: out.append(0x72)
                case 0x09: out.append(0x74)
                default: out.append(contentsOf: [0x75, 0x30, 0x30, hex(b >> 4), hex(b & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[mark...]))
        }
        out.append(0x22)
    }

    private static func hex(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }

    /// Whether any of the eight bytes of `word` is `"`, `\\` or below 0x20 (the has-zero-byte test; bytes of 0x80
    /// and up never match).
    @inline(__always) static func hasSpecialByte(_ word: UInt64) -> Bool {
        (word &- ones &* 0x20) & ~word & highs != 0 || has(0x22, in: word) || has(0x5C, in: word)
    }

    /// Whether any of the eight bytes of `word` is one `string` escapes: one `hasSpecialByte` finds, or `/`.
    @inline(__always) static func hasEscapedByte(_ word: UInt64) -> Bool { hasSpecialByte(word) || has(0x2F, in: word) }

    private static var ones: UInt64 { 0x0101_0101_0101_0101 }
    private static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// Whether one of the eight bytes of `word` is `byte` (a zero byte in `word` xor `byte` repeated).
    @inline(__always) private static func has(_ byte: UInt8, in word: UInt64) -> Bool {
        let v = word ^ (ones &* UInt64(byte))
        return (v &- ones) & ~v & highs != 0
    }

    /// The encoder one value is walked into: an object's fields (written sorted at the end), an array's
    /// elements, or a single value.
    final class Writer: Encoder {
        /// The type being encoded: a standard number encodes itself into its single-value container.
        let encoding: Any.Type
        /// An object: its fields' values one after another in `buffer`, each key with its range there.
        var fields: [(key: String, range: Range<Int>)]?
        /// An array: its elements, comma-separated, in `buffer`.
        var isArray = false
        var elementCount = 0
        var isSingle = false
        /// Set when the value used a nested or super container: `finish` throws, and `JSONEncoder` encodes it.
        var isUnsupported = false
        var buffer: [UInt8] = []
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(encoding: Any.Type) { self.encoding = encoding }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if fields == nil { fields = [] }
            return KeyedEncodingContainer(Keyed<Key>(writer: self))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            isArray = true
            return Unkeyed(writer: self)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(writer: self) }

        /// Adds one field, its value written by `body`.
        func field(_ key: String, _ body: (inout [UInt8]) throws -> Void) rethrows {
            let start = buffer.count
            try body(&buffer)
            fields?.append((key, start..<buffer.count))
        }

        /// Adds one array element, written by `body`.
        func element(_ body: (inout [UInt8]) throws -> Void) rethrows {
            if elementCount > 0 { buffer.append(0x2C) }
            elementCount += 1
            try body(&buffer)
        }

        func finish(into out: inout [UInt8]) throws {
            if isUnsupported { throw Unsupported() }
            if var fields, !isArray, !isSingle {
                fields.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                // A key written twice (never, by synthesized conformances): Foundation keeps the last value.
                for i in fields.indices.dropFirst() where fields[i].key == fields[i - 1].key { throw Unsupported() }
                out.append(0x7B)
                for (n, f) in fields.enumerated() {
                    if n > 0 { out.append(0x2C) }
                    StoredJSON.string(f.key, into: &out)
                    out.append(0x3A)
                    out.append(contentsOf: buffer[f.range])
                }
                out.append(0x7D)
            } else if isArray, fields == nil, !isSingle {
                out.append(0x5B); out.append(contentsOf: buffer); out.append(0x5D)
            } else if isSingle, fields == nil, !isArray {
                out.append(contentsOf: buffer)
            } else {
                throw Unsupported()
            }
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let writer: Writer
        var codingPath: [any CodingKey] = []

        mutating func encodeNil(forKey key: Key) throws { writer.field(key.stringValue) { $0.append(contentsOf: "null".utf8) } }
        mutating func encode(_ value: String, forKey key: Key) throws { writer.field(key.stringValue) { StoredJSON.string(value, into: &$0) } }
        mutating func encode(_ value: Int, forKey key: Key) throws { writer.field(key.stringValue) { $0.append(contentsOf: String(value).utf8) } }
        mutating func encode(_ value: Bool, forKey key: Key) throws {
            writer.field(key.stringValue) { $0.append(contentsOf: value ? "true".utf8 : "false".utf8) }
        }
        mutating func encode(_ value: Double, forKey key: Key) throws { throw Unsupported() }
        mutating func encode(_ value: Float, forKey key: Key) throws { throw Unsupported() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try writer.field(key.stringValue) { try StoredJSON.write(value, into: &$0) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            writer.isUnsupported = true
            return Writer(encoding: Never.self).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            writer.isUnsupported = true
            return Writer(encoding: Never.self).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { writer.isUnsupported = true; return Writer(encoding: Never.self) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { writer.isUnsupported = true; return Writer(encoding: Never.self) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let writer: Writer
        var codingPath: [any CodingKey] = []
        var count: Int { writer.elementCount }

        mutating func encodeNil() throws { writer.element { $0.append(contentsOf: "null".utf8) } }
        mutating func encode(_ value: String) throws { writer.element { StoredJSON.string(value, into: &$0) } }
        mutating func encode(_ value: Double) throws { throw Unsupported() }
        mutating func encode(_ value: Float) throws { throw Unsupported() }
        mutating func encode<T: Encodable>(_ value: T) throws { try writer.element { try StoredJSON.write(value, into: &$0) } }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            writer.isUnsupported = true
            return Writer(encoding: Never.self).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            writer.isUnsupported = true
            return Writer(encoding: Never.self).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { writer.isUnsupported = true; return Writer(encoding: Never.self) }
    }

    struct Single: SingleValueEncodingContainer {
        let writer: Writer
        var codingPath: [any CodingKey] = []

        mutating func encodeNil() throws { writer.isSingle = true; writer.buffer.append(contentsOf: "null".utf8) }
        mutating func encode(_ value: Double) throws { throw Unsupported() }
        mutating func encode(_ value: Float) throws { throw Unsupported() }
        mutating func encode<T: Encodable>(_ value: T) throws {
            writer.isSingle = true
            if T.self == writer.encoding {
                // A standard integer (Int8, UInt, ...) encoding itself.
                guard let i = value as? any BinaryInteger else { throw Unsupported() }
                writer.buffer.append(contentsOf: String(describing: i).utf8)
            } else {
                try StoredJSON.write(value, into: &writer.buffer)
            }
        }
    }
}
