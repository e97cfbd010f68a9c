/// Up to 16 bytes of ASCII text packed into two integers, zero after its end (the text holds no zero byte): a key
/// compared and hashed without making a `String`, for words looked up by the thousand.
///
/// `ShortWord("Retry")` and `ShortWord(normalizing: "[P0]")` pack `retry` and `p0`.
struct ShortWord: Hashable, Sendable {
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0
    private(set) var count = 0

    /// An ASCII word, lowercased; nil past 16 bytes.
    init?(_ word: UnsafeBufferPointer<UInt8>) {
        guard word.count <= 16 else { return nil }
        for b in word { append(ASCII.lowercased(b)) }
    }

    /// `Vocabulary.normalize(text)` of ASCII text; nil when a byte is not ASCII or the result is longer than 16
    /// bytes.
    init?<Bytes: Sequence<UInt8>>(normalizing text: Bytes) {
        var fits = true
        let isASCII = ASCII.forEachAlphanumericByte(text, skipping: UInt8(ascii: "'")) { b, startsRun in
            if startsRun && count > 0 { fits = fits && append(0x20) }
            fits = fits && append(b)
        }
        guard isASCII && fits else { return nil }
    }

    /// Adds a byte; false when 16 are already held.
    @discardableResult
    private mutating func append(_ b: UInt8) -> Bool {
        guard count < 16 else { return false }
        if count < 8 { low |= UInt64(b) << (8 * UInt64(count)) } else { high |= UInt64(b) << (8 * UInt64(count - 8)) }
        count += 1
        return true
    }
}
