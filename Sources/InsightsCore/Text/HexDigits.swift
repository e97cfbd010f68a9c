/// Fixed-width words as lowercase hex, most significant digit first, zero-padded: the digits of the content
/// hashes (`SHA256`, `WordHash`), written straight into the string (`String(x, radix: 16)`, padded and joined,
/// was 3,900 instructions a digest, for every task, cluster and page).
///
/// `HexDigits.string([UInt32(0xab)])` → `"000000ab"`.
enum HexDigits {
    static func string<W: FixedWidthInteger & UnsignedInteger>(_ words: [W]) -> String {
        let perWord = W.bitWidth / 4
        return String(unsafeUninitializedCapacity: words.count * perWord) { out in
            var o = 0
            for word in words {
                var shift = W.bitWidth - 4
                for _ in 0..<perWord {
                    let digit = UInt8(truncatingIfNeeded: word >> shift) & 0xf
                    out[o] = digit < 10 ? 0x30 + digit : 0x57 + digit
                    o += 1
                    shift -= 4
                }
            }
            return o
        }
    }
}
