/// A 128-bit hash of bytes taken eight at a time (two 64-bit lanes: a full-width multiply with its halves
/// folded, and a multiply-rotate), for telling whether something changed: the index's row digests and the
/// site's page fingerprints. Each `add` feeds the bytes and then their count, so ("ab", "c") and ("a", "bc")
/// differ. Not for anything an adversary chooses.
///
/// `var h = WordHash(); h.add("title"); h.hex` → 32 hex digits.
public struct WordHash: Sendable, Hashable {
    public private(set) var first: UInt64 = 0xcbf2_9ce4_8422_2325
    public private(set) var second: UInt64 = 0x9e37_79b9_7f4a_7c15

    public init() {}

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        while i + 8 <= bytes.count { mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)); i += 8 }
        var tail: UInt64 = 0
        for j in i..<bytes.count { tail |= UInt64(bytes[j]) << (8 * UInt64(j - i)) }
        mix(tail)
        mix(UInt64(bytes.count))
    }

    public mutating func add(_ s: String) {
        var s = s
        s.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    @inline(__always) private mutating func mix(_ word: UInt64) {
        let (high, low) = (first ^ word).multipliedFullWidth(by: 0xa076_1d64_78bd_642f)
        first = high ^ low
        second = (second ^ word) &* 0xff51_afd7_ed55_8ccd
        second = (second << 29) | (second >> 35)
    }

    /// Both lanes as 32 hex digits.
    public var hex: String { HexDigits.string([first, second]) }

    /// A lane as 16 hex digits.
    public static func hex(_ x: UInt64) -> String { HexDigits.string([x]) }
}
