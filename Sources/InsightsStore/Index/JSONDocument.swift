import Foundation
import InsightsCore

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
    /// Where the strings read are shared with equal ones of other rows; nil: not shared.
    let strings: SharedStrings.Table?
    /// A constant once read: every decoded field reads it, and a `var` of a class is checked for exclusive
    /// access on each read (a tenth of the decoding's time).
    let values: [Value]
    /// Set when a container met something it leaves to `JSONDecoder` but cannot throw for (an object key
    /// `allKeys` cannot read, two keys equal as strings): the value decoded is then not used.
    var isDeclined = false

    /// Reads `bytes`; throws when they are not one well-formed JSON value (nesting at most 256 deep) in
    /// valid UTF-8.
    init(_ bytes: UnsafeBufferPointer<UInt8>, strings: SharedStrings.Table? = nil) throws {
        guard bytes.count < Int(Int32.max), String(validating: bytes, as: UTF8.self) != nil else { throw StoredJSON.Unsupported() }
        self.bytes = bytes
        self.strings = strings
        var reader = Reader(bytes: bytes)
        reader.values.reserveCapacity(bytes.count / 12)
        var at = 0
        try reader.read(&at, depth: 0)
        reader.skipSpace(&at)
        guard at == bytes.count else { throw StoredJSON.Unsupported() }
        values = reader.values
    }
}

/// Reads a JSON text into `values`, checking it as it goes.
private struct Reader {
    typealias Value = JSONDocument.Value
    let bytes: UnsafeBufferPointer<UInt8>
    var values: [Value] = []

    func skipSpace(_ at: inout Int) {
        while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
    }

    mutating func read(_ at: inout Int, depth: Int) throws {
        guard depth < 256 else { throw StoredJSON.Unsupported() }
        skipSpace(&at)
        guard at < bytes.count else { throw StoredJSON.Unsupported() }
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
                        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw StoredJSON.Unsupported() }
                        try readString(&at)
                        skipSpace(&at)
                        guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { throw StoredJSON.Unsupported() }
                        at += 1
                    }
                    try read(&at, depth: depth + 1)
                    count += 1
                    skipSpace(&at)
                    guard at < bytes.count else { throw StoredJSON.Unsupported() }
                    if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                    guard bytes[at] == close else { throw StoredJSON.Unsupported() }
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
            guard isDigit(at) else { throw StoredJSON.Unsupported() }
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

    private mutating func literal(_ word: StaticString, _ kind: JSONDocument.Kind, _ at: inout Int) throws {
        let n = word.utf8CodeUnitCount
        guard at + n <= bytes.count else { throw StoredJSON.Unsupported() }
        for i in 0..<n where bytes[at + i] != word.utf8Start[i] { throw StoredJSON.Unsupported() }
        values.append(Value(kind: kind, start: Int32(at), end: Int32(at + n), next: 0))
        at += n
    }

    /// A string at `at` (its opening quote); its escapes are checked now, read or not (as `JSONDecoder`
    /// checks the whole text).
    private mutating func readString(_ at: inout Int) throws {
        at += 1
        let start = at
        var isEscaped = false
        // Eight bytes at a time while none of them is a quote, a backslash or a control byte.
        if let base = bytes.baseAddress {
            while at + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self)
                guard !StoredJSON.hasSpecialByte(word) else { break }
                at += 8
            }
        }
        while at < bytes.count {
            let b = bytes[at]
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 { throw StoredJSON.Unsupported() }
            if b == UInt8(ascii: "\\") { isEscaped = true; at += 1 }
            at += 1
        }
        guard at < bytes.count else { throw StoredJSON.Unsupported() }
        if isEscaped { try JSONDocument.unescape(UnsafeBufferPointer(rebasing: bytes[start..<at])) { _ in } }
        values.append(Value(kind: isEscaped ? .escapedString : .string, start: Int32(start), end: Int32(at),
                            next: Int32(values.count + 1)))
        at += 1
    }

}

extension JSONDocument {
    // MARK: Reading values

    /// The string value at `index` (shared through `strings`).
    func string(_ index: Int) throws -> String {
        let v = values[index]
        let raw = UnsafeBufferPointer(rebasing: bytes[Int(v.start)..<Int(v.end)])
        switch v.kind {
        case .string: return try string(utf8: raw)
        case .escapedString:
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            try Self.unescape(raw) { out.append($0) }
            return try out.withUnsafeBufferPointer { try string(utf8: $0) }
        default: throw StoredJSON.Unsupported()
        }
    }

    private func string(utf8: UnsafeBufferPointer<UInt8>) throws -> String {
        func make(_ utf8: UnsafeBufferPointer<UInt8>) throws -> String {
            guard let s = String(validating: utf8, as: UTF8.self) else { throw StoredJSON.Unsupported() }
            return s
        }
        return try strings?.string(utf8, make: make) ?? make(utf8)
    }

    /// The index of the value of object `object`'s member named `key`, nil when it has none (keys compared
    /// by bytes; an escaped key is unescaped first).
    func member(of object: Int, named key: String) -> Int? {
        var key = key
        return key.withUTF8 { k -> Int? in
            var at = object + 1
            for _ in 0..<Int(values[object].start) {
                let v = values[at]
                if v.kind == .escapedString {
                    if (try? string(at)) == String(decoding: k, as: UTF8.self) { return at + 1 }
                } else if Int(v.end - v.start) == k.count {
                    // Keys are short: a loop that stops at the first difference beats a call to `memcmp`.
                    var i = 0, start = Int(v.start)
                    while i < k.count && k[i] == bytes[start + i] { i += 1 }
                    if i == k.count { return at + 1 }
                }
                at = Int(values[at + 1].next)
            }
            return nil
        }
    }

    /// The bytes a string's escapes stand for, each given to `emit`; throws on an escape JSON does not have or
    /// a lone surrogate. Checking a string nobody reads passes an `emit` that keeps nothing.
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>, _ emit: (UInt8) -> Void) throws {
        var i = 0
        func hex4(_ at: Int) throws -> UInt32 {
            guard at + 4 <= raw.count else { throw StoredJSON.Unsupported() }
            var v: UInt32 = 0
            for b in raw[at..<(at + 4)] {
                let d: UInt8
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
                default: throw StoredJSON.Unsupported()
                }
                v = v << 4 | UInt32(d)
            }
            return v
        }
        while i < raw.count {
            let b = raw[i]
            guard b == UInt8(ascii: "\\") else { emit(b); i += 1; continue }
            guard i + 1 < raw.count else { throw StoredJSON.Unsupported() }
            switch raw[i + 1] {
            case UInt8(ascii: "\""): emit(0x22)
            case UInt8(ascii: "\\"): emit(0x5C)
            case UInt8(ascii: "/"): emit(0x2F)
            case UInt8(ascii: "b"): emit(0x08)
            case UInt8(ascii: "f"): emit(0x0C)
            case UInt8(ascii: "n"): emit(0x0A)
            case UInt8(ascii: "r"): emit(0x0D)
            case UInt8(ascii: "t"): emit(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(i + 2)
                i += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    // A surrogate pair: the low half must follow as its own escape.
                    guard i + 7 < raw.count, raw[i + 2] == UInt8(ascii: "\\"), raw[i + 3] == UInt8(ascii: "u") else { throw StoredJSON.Unsupported() }
                    let low = try hex4(i + 4)
                    guard (0xDC00..<0xE000).contains(low) else { throw StoredJSON.Unsupported() }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                guard let s = Unicode.Scalar(scalar) else { throw StoredJSON.Unsupported() }
                UTF8.encode(s, into: emit)
            default: throw StoredJSON.Unsupported()
            }
            i += 2
        }
    }

    /// The integer at `index` (`-?[0-9]+` only; anything else is left to `JSONDecoder`).
    func integer<T: FixedWidthInteger>(_ index: Int, as: T.Type) throws -> T {
        let v = values[index]
        guard v.kind == .number else { throw StoredJSON.Unsupported() }
        var i = Int(v.start)
        let end = Int(v.end)
        let isNegative = bytes[i] == UInt8(ascii: "-")
        if isNegative { i += 1 }
        guard i < end, end - i <= 18 else { throw StoredJSON.Unsupported() }
        var n: Int64 = 0
        while i < end {
            let d = bytes[i] &- UInt8(ascii: "0")
            guard d < 10 else { throw StoredJSON.Unsupported() }
            n = n * 10 + Int64(d)
            i += 1
        }
        guard let value = T(exactly: isNegative ? -n : n) else { throw StoredJSON.Unsupported() }
        return value
    }

    /// The number at `index` as a binary floating-point value.
    func floating<T: LosslessStringConvertible & BinaryFloatingPoint>(_ index: Int, as: T.Type) throws -> T {
        let v = values[index]
        guard v.kind == .number,
              let value = T(String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(v.start)..<Int(v.end)]), as: UTF8.self)),
              value.isFinite else { throw StoredJSON.Unsupported() }
        return value
    }

    func bool(_ index: Int) throws -> Bool {
        switch values[index].kind {
        case .isTrue: return true
        case .isFalse: return false
        default: throw StoredJSON.Unsupported()
        }
    }

    /// The value at `index` as `T`: a primitive read directly, anything else through its `Decodable` conformance.
    func decode<T: Decodable>(_ type: T.Type, at index: Int) throws -> T {
        // A type comparison before each cast (see `StoredJSON.write`).
        if T.self == String.self, let s = try string(index) as? T { return s }
        if T.self == Int.self, let i = try integer(index, as: Int.self) as? T { return i }
        if T.self == Bool.self, let b = try bool(index) as? T { return b }
        if T.self == Data.self || T.self == Date.self || T.self == URL.self || T.self == Decimal.self { throw StoredJSON.Unsupported() }
        if let model = T.self as? any StoredJSONReadable.Type, let value = try model.init(document: self, at: index) as? T { return value }
        return try T(from: DocumentDecoder(self, at: index))
    }
}
