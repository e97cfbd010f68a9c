import InsightsCore

/// A fast, stable 64-bit fingerprint of strings (`WordHash`'s first lane), to tell whether a page's inputs
/// changed.
///
/// `Fingerprint().adding("a").adding("b").hex` is the same in every run (unlike `Hasher`).
struct Fingerprint {
    private var hash = WordHash()

    @discardableResult
    mutating func add(_ s: String) -> Fingerprint {
        hash.add(s)
        return self
    }

    mutating func add(_ n: Int) { add(String(n)) }
    mutating func add(_ b: Bool) { add(b ? "1" : "0") }
    mutating func add(_ s: String?) { add(s ?? "\u{0}nil") }

    func adding(_ s: String) -> Fingerprint { var c = self; c.add(s); return c }

    var hex: String { WordHash.hex(hash.first) }
}
