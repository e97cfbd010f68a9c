import CSHA256

/// SHA-256 (FIPS 180-4) of a byte buffer, as lowercase hex: the content hash that makes ingest idempotent.
/// Blocks are compressed with the CPU's SHA instructions where it has them (`CSHA256`), else here.
///
/// `SHA256.hex(Array("abc".utf8))` → `"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"`.
public enum SHA256 {
    /// The round constants, from `CSHA256` (one table for both compressions; constant, so safe to share).
    nonisolated(unsafe) private static let k = UnsafeBufferPointer(start: insights_sha256_round_constants(), count: 64)

    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        HexDigits.string(words(bytes))
    }

    /// The digest as eight big-endian words; `usesCPU: false` compresses here even where the CPU could.
    static func words<C: Collection>(_ bytes: C, usesCPU: Bool = true) -> [UInt32] where C.Element == UInt8 {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        // The message padded in one allocation: bytes, 0x80, zeros, then the 64-bit bit length.
        let count = bytes.count
        let padded = (count + 9 + 63) / 64 * 64
        var message = [UInt8](repeating: 0, count: padded)
        message.withUnsafeMutableBufferPointer { m in
            // Contiguous bytes (Data, arrays) are copied in one go; element-wise iteration of Data was
            // most of the cost of hashing 10,000 notes.
            let copied: Void? = bytes.withContiguousStorageIfAvailable { src in
                if let from = src.baseAddress, src.count > 0 { m.baseAddress!.update(from: from, count: src.count) }
            }
            if copied == nil {
                var i = 0
                for b in bytes { m[i] = b; i += 1 }
            }
            m[count] = 0x80
            let bitLength = UInt64(count) &* 8
            for i in 0..<8 { m[padded - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8)) }
        }
        let compressed = usesCPU && message.withUnsafeBufferPointer { m in
            h.withUnsafeMutableBufferPointer { insights_sha256_blocks($0.baseAddress!, m.baseAddress!, padded / 64) == 1 }
        }
        if compressed { return h }
        var w = [UInt32](repeating: 0, count: 64)
        message.withUnsafeBufferPointer { m in
            w.withUnsafeMutableBufferPointer { w in
                h.withUnsafeMutableBufferPointer { h in
                    for chunk in stride(from: 0, to: padded, by: 64) {
                        compress(m, chunk, &w, k, &h)
                    }
                }
            }
        }
        return h
    }

    @inline(__always)
    private static func compress(_ m: UnsafeBufferPointer<UInt8>, _ chunk: Int, _ w: inout UnsafeMutableBufferPointer<UInt32>,
                                 _ k: UnsafeBufferPointer<UInt32>, _ h: inout UnsafeMutableBufferPointer<UInt32>) {
        for i in 0..<16 {
            let b = chunk + i * 4
            w[i] = UInt32(m[b]) << 24 | UInt32(m[b + 1]) << 16 | UInt32(m[b + 2]) << 8 | UInt32(m[b + 3])
        }
        for i in 16..<64 {
            let s0 = w[i - 15].rotr(7) ^ w[i - 15].rotr(18) ^ (w[i - 15] >> 3)
            let s1 = w[i - 2].rotr(17) ^ w[i - 2].rotr(19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
        for i in 0..<64 {
            let s1 = e.rotr(6) ^ e.rotr(11) ^ e.rotr(25)
            let ch = (e & f) ^ (~e & g)
            let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
            let s0 = a.rotr(2) ^ a.rotr(13) ^ a.rotr(22)
            let maj = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ maj
            hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
        }
        h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
    }
}

extension UInt32 {
    @inline(__always) func rotr(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
