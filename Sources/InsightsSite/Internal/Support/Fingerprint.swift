/// A fast, stable 64-bit fingerprint (FNV-1a) of strings, to tell whether a page's inputs changed.
///
/// `Fingerprint().adding("a").adding("b").hex` is the same in every run (unlike `Hasher`).
struct Fingerprint {
    private(set) var value: UInt64 = 0xcbf29ce484222325

    /// Adds the string's bytes eight at a time (a byte at a time was a tenth of planning a site of 10,000
    /// notes), then its length, so ("ab","c") and ("a","bc") differ.
    @discardableResult
    mutating func add(_ s: String) -> Fingerprint {
        var s = s
        var v = value
        s.withUTF8 { bytes in
            var i = 0
            if let base = bytes.baseAddress {
                while i + 8 <= bytes.count { v = Self.mix(v, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)); i += 8 }
            }
            var tail: UInt64 = 0, shift: UInt64 = 0
            while i < bytes.count { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
            v = Self.mix(v, tail)
            v = Self.mix(v, UInt64(bytes.count) | 0xff00_0000_0000_0000)
        }
        value = v
        return self
    }

    /// The state after one word: a full-width multiply, its halves folded.
    @inline(__always) private static func mix(_ v: UInt64, _ word: UInt64) -> UInt64 {
        let (high, low) = (v ^ word).multipliedFullWidth(by: 0x9e37_79b9_7f4a_7c15)
        return high ^ low
    }

    mutating func add(_ n: Int) { add(String(n)) }
    mutating func add(_ b: Bool) { add(b ? "1" : "0") }
    mutating func add(_ s: String?) { add(s ?? "\u{0}nil") }

    func adding(_ s: String) -> Fingerprint { var c = self; c.add(s); return c }

    var hex: String {
        let h = String(value, radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h
    }
}
