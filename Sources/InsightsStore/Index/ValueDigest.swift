import Foundation

/// A 128-bit digest of a value's stored JSON (`StoredJSON.encode`, which writes equal values as equal bytes):
/// a write compares digests to leave alone the rows whose JSON is unchanged (one new note rewrites only the tasks
/// it touched). Equal JSON gives equal digests in every process.
///
/// It once walked the value through `Codable` to skip encoding it, when encoding cost more than the walk; the
/// models' field-by-field JSON (`StoredJSONWritable`) now costs less than that walk did, and the digest is of
/// the bytes, eight at a time.
///
/// `ValueDigest.of(task)` → `"5f0c…"` (32 hex digits).
enum ValueDigest {
    static func of<T: Encodable>(_ value: T) throws -> String { of(json: try StoredJSON.encode(value)) }

    /// Two 64-bit lanes over the bytes, a word at a time: a multiply-and-fold and a multiply-rotate.
    static func of(json: Data) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x9e37_79b9_7f4a_7c15
        @inline(__always) func mix(_ w: UInt64) {
            let (high, low) = (a ^ w).multipliedFullWidth(by: 0xa076_1d64_78bd_642f)
            a = high ^ low
            b = (b ^ w) &* 0xff51_afd7_ed55_8ccd
            b = (b << 29) | (b >> 35)
        }
        json.withUnsafeBytes { raw in
            var i = 0
            while i + 8 <= raw.count { mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)); i += 8 }
            var tail: UInt64 = 0
            for j in i..<raw.count { tail |= UInt64(raw[j]) << (8 * UInt64(j - i)) }
            mix(tail)
            mix(UInt64(raw.count))
        }
        func hex(_ x: UInt64) -> String { let s = String(x, radix: 16); return String(repeating: "0", count: 16 - s.count) + s }
        return hex(a) + hex(b)
    }
}
