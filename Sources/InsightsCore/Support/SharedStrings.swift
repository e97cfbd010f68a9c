import Foundation

/// Equal strings decoded from many stored rows, kept once. Stored rows repeat themselves: a task's mentions
/// and a cluster's occurrences name the same sessions and dates, every finding of a section carries the
/// section's heading, a cluster's occurrence its title twice. Each decoded copy was a heap allocation of its
/// own: at 50,000 generated notes, 210 MB of the strings a site build decodes, 21 MB of them distinct.
///
/// Rows are decoded on every core, so the strings sit in a few tables, each used by one thread at a time
/// (`withTable`) and kept for the next run of rows: an equal string is kept once per table, not once per row.
public final class SharedStrings: @unchecked Sendable {
    /// One thread's table of the strings it decoded, looked up by their UTF-8 bytes: a string already held
    /// costs a hash and a comparison, not an allocation.
    public final class Table {
        /// Open addressing: each slot holds 1 + the position in `strings`, 0 when empty; a power of two.
        private var slots = [Int32](repeating: 0, count: 1024)
        private var hashes: [UInt64] = []
        private var strings: [String] = []
        private var lists: Set<ExactList> = []

        public init() {}

        /// The string `utf8` spells: the equal one this table holds, else `make(utf8)`, then held. Strings of
        /// up to 15 bytes are stored inline in the `String` itself, so they are made, never looked up.
        public func string(_ utf8: UnsafeBufferPointer<UInt8>,
                           make: (UnsafeBufferPointer<UInt8>) throws -> String) rethrows -> String {
            guard utf8.count > 15 else { return try make(utf8) }
            let hash = Self.hash(utf8)
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] != 0 {
                let at = Int(slots[i]) - 1
                if hashes[at] == hash, Self.equal(&strings[at], utf8) { return strings[at] }
                i = (i + 1) & mask
            }
            var made = try make(utf8)
            // Only a string whose bytes are `utf8` (not one repaired from invalid UTF-8) is held.
            guard Self.equal(&made, utf8), strings.count < Int(Int32.max) - 1 else { return made }
            strings.append(made); hashes.append(hash)
            slots[i] = Int32(strings.count)
            if strings.count * 2 > slots.count { grow() }
            return made
        }

        /// `list`, or the equal list this table already holds (a task title's stemmed words, say): an array
        /// is a heap allocation of its own, even when its strings are inline.
        public func shared(_ list: [String]) -> [String] {
            guard !list.isEmpty else { return list }
            let (inserted, member) = lists.insert(ExactList(strings: list))
            return inserted ? list : member.strings
        }

        /// A list compared and hashed by its strings' bytes: `String`'s own `==` holds "café" composed and
        /// decomposed equal, and sharing one for the other would change the text a row decodes to.
        private struct ExactList: Hashable {
            var strings: [String]

            static func == (a: ExactList, b: ExactList) -> Bool {
                a.strings.count == b.strings.count && zip(a.strings, b.strings).allSatisfy { $0.utf8.elementsEqual($1.utf8) }
            }

            func hash(into hasher: inout Hasher) {
                hasher.combine(strings.count)
                for s in strings {
                    var s = s
                    s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
                }
            }
        }

        private func grow() {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            let mask = slots.count - 1
            for (n, hash) in hashes.enumerated() {
                var i = Int(truncatingIfNeeded: hash) & mask
                while slots[i] != 0 { i = (i + 1) & mask }
                slots[i] = Int32(n + 1)
            }
        }

        private static func equal(_ s: inout String, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            s.withUTF8 { $0.count == utf8.count && memcmp($0.baseAddress!, utf8.baseAddress!, utf8.count) == 0 }
        }

        /// A 64-bit hash of the bytes, eight at a time (these are the index's own rows, not adversarial input).
        static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
            let raw = UnsafeRawBufferPointer(bytes)
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            func mix(_ w: UInt64) { h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD; h ^= h >> 29 }
            var i = 0
            while i + 8 <= raw.count { mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)); i += 8 }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < raw.count { tail |= UInt64(raw[i]) << shift; shift += 8; i += 1 }
            mix(tail)
            h ^= h >> 32
            return h &* 0xC4CE_B9FE_1A85_EC53
        }
    }

    private var idle: [Table] = []
    private let lock = NSLock()

    public init() {}

    /// `body` with a table no other thread uses meanwhile.
    public func withTable<R>(_ body: (Table) throws -> R) rethrows -> R {
        lock.lock()
        let table = idle.popLast() ?? Table()
        lock.unlock()
        defer { lock.lock(); idle.append(table); lock.unlock() }
        return try body(table)
    }
}
