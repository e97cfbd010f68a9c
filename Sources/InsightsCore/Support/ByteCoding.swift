/// A compact binary form for values the index keeps only for insights itself to read back (never shown to a
/// user, never read by another program): unsigned LEB128 integers and length-prefixed UTF-8 strings.
///
/// `var w = ByteWriter(); w.write("ab"); w.write(300)` → `w.bytes == [2, 97, 98, 172, 2]`;
/// `var r = ByteReader(w.bytes); try r.string()` → `"ab"`, then `try r.int()` → `300`.
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ value: Int) {
        // Zigzag, so the occasional negative number (a line of -1) stays short too.
        var v = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func write(_ value: String) {
        var s = value
        s.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Nil as 0, a value as 1 followed by the value.
    public mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ values: [String]) {
        write(values.count)
        for v in values { write(v) }
    }

    public mutating func write(_ values: [Int]) {
        write(values.count)
        for v in values { write(v) }
    }
}

/// Reads what `ByteWriter` wrote, in the same order; running past the end or meeting a malformed number
/// throws `ByteReader.Malformed` (the caller then falls back to the value's source).
public struct ByteReader {
    public struct Malformed: Error, Sendable {}

    let bytes: [UInt8]
    var position = 0
    /// Where the strings read are shared with equal ones of other rows; nil: not shared.
    let shared: SharedStrings.Table?

    public init(_ bytes: [UInt8], strings: SharedStrings.Table? = nil) { self.bytes = bytes; self.shared = strings }

    public var isAtEnd: Bool { position == bytes.count }

    public mutating func int() throws -> Int {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Malformed() }
            let b = bytes[position]
            position += 1
            v |= UInt64(b & 0x7f) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1))
    }

    public mutating func bool() throws -> Bool {
        guard position < bytes.count else { throw Malformed() }
        position += 1
        return bytes[position - 1] != 0
    }

    /// A string; with a shared table, the equal one it already holds.
    public mutating func string() throws -> String { try string(isShared: true) }

    /// A string of its own, never shared: for one its holder soon drops (a table holds every string it shares
    /// for as long as it is used).
    public mutating func ownString() throws -> String { try string(isShared: false) }

    private mutating func string(isShared: Bool) throws -> String {
        let n = try int()
        guard n >= 0, n <= bytes.count - position else { throw Malformed() }
        let s = bytes.withUnsafeBufferPointer { all in
            let utf8 = UnsafeBufferPointer(rebasing: all[position..<position + n])
            func make(_ utf8: UnsafeBufferPointer<UInt8>) -> String { String(decoding: utf8, as: UTF8.self) }
            return (isShared ? shared?.string(utf8, make: make) : nil) ?? make(utf8)
        }
        position += n
        return s
    }

    public mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    public mutating func optionalInt() throws -> Int? { try bool() ? try int() : nil }

    /// A list of strings; with a shared table, the equal list it already holds (`SharedStrings.Table.shared`).
    public mutating func strings() throws -> [String] {
        let list = try list { try $0.string() }
        return shared?.shared(list) ?? list
    }

    /// A list of strings of its own, never shared: for a list its holder soon drops (a table holds every list
    /// it shares for as long as it is used).
    public mutating func ownStrings() throws -> [String] { try list { try $0.string() } }

    public mutating func ints() throws -> [Int] { try list { try $0.int() } }

    /// A count, then that many elements read by `element`.
    mutating func list<T>(_ element: (inout ByteReader) throws -> T) throws -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try element(&self)) }
        return out
    }

    /// A count of elements that follow, each at least one byte long.
    public mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count - position else { throw Malformed() }
        return n
    }
}
