import CSHA256

/// SHA-256 (FIPS 180-4) of a byte buffer, as lowercase hex: the content hash that makes ingest idempotent.
/// Blocks are compressed with the CPU's SHA instructions where it has them (`CSHA256`), else here.
///
/// `SHA256.hex(Array("abc".utf8))` → `"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"`.
public enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

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
                k.withUnsafeBufferPointer { k in
                    h.withUnsafeMutableBufferPointer { h in
                        for chunk in stride(from: 0, to: padded, by: 64) {
                            compress(m, chunk, &w, k, &h)
                        }
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
