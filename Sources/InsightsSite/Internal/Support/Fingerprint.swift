/// A fast, stable 64-bit fingerprint (FNV-1a) of strings, to tell whether a page's inputs changed.
///
/// `Fingerprint().adding("a").adding("b").hex` is the same in every run (unlike `Hasher`).
struct Fingerprint {
    private(set) var value: UInt64 = 0xcbf29ce484222325

    @discardableResult
    mutating func add(_ s: String) -> Fingerprint {
        var v = value
        for b in s.utf8 { v = (v ^ UInt64(b)) &* 0x100000001b3 }
        // A separator so ("ab","c") and ("a","bc") differ.
        v = (v ^ 0xff) &* 0x100000001b3
        value = v
        return self
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
