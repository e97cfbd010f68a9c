import Foundation
import GRDB

/// Every item's length in tokens (title + body, as FTS5 counts them), packed for `RankFunction`: two bytes per
/// item id, little-endian, at offset `2 × id`; `0xFFFF` means "not here, ask FTS5" (a gap in the ids, or an item
/// of 65,535 tokens or more). Stored in `fts_lengths` with the generation token it was written for, and
/// rewritten by every write (~40 ms at 10,000 notes); a search passes it only while the tokens agree.
enum RankLengths {
    static let missing: UInt16 = 0xFFFF

    /// The packed array as a search reads it: NULL unless written for the index's current content.
    static let currentSQL = "SELECT lengths FROM fts_lengths WHERE generation = (SELECT value FROM meta WHERE key = 'generation')"

    /// Rewrites the array from FTS5's own per-item sizes (`item_fts_docsize`: one varint per column).
    static func refresh(_ db: Database, generation: String) throws {
        try db.execute(sql: "DELETE FROM fts_lengths")
        let highest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM item_fts_docsize") ?? 0
        // Ids far beyond any journal's item count would make a huge array: leave lengths to FTS5 then.
        guard highest >= 0, highest < 20_000_000 else { return }
        var packed = [UInt8](repeating: 0xFF, count: Int(highest + 1) * 2)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, sz FROM item_fts_docsize")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            guard id >= 0, id <= highest,
                  let total = try row.withUnsafeData(atIndex: 1, { $0?.withUnsafeBytes { totalTokens($0) } }) else { continue }
            let value = total < Int(missing) ? UInt16(total) : missing
            packed[Int(id) * 2] = UInt8(value & 0xFF)
            packed[Int(id) * 2 + 1] = UInt8(value >> 8)
        }
        try db.execute(sql: "INSERT INTO fts_lengths(generation, lengths) VALUES (?, ?)",
                       arguments: [generation, packed.withUnsafeBufferPointer { Data(buffer: $0) }])
    }

    /// The sum of the varints (SQLite's encoding: 7 bits a byte, high bit = more, the ninth byte whole).
    static func totalTokens(_ bytes: UnsafeRawBufferPointer) -> Int {
        var total = 0, i = 0
        while i < bytes.count {
            var value: UInt64 = 0, n = 0
            while i < bytes.count {
                let byte = bytes[i]; i += 1; n += 1
                if n == 9 { value = (value << 8) | UInt64(byte); break }
                value = (value << 7) | UInt64(byte & 0x7F)
                if byte & 0x80 == 0 { break }
            }
            total += Int(truncatingIfNeeded: value)
        }
        return total
    }

    /// The length stored for `rowid`, or -1 when the array does not have it.
    static func length(of rowid: Int64, in blob: UnsafeRawPointer?, bytes: Int) -> Int {
        guard let blob, rowid >= 0, rowid < Int64(bytes / 2) else { return -1 }
        let at = Int(rowid) * 2
        let value = UInt16(blob.load(fromByteOffset: at, as: UInt8.self)) | UInt16(blob.load(fromByteOffset: at + 1, as: UInt8.self)) << 8
        return value == missing ? -1 : Int(value)
    }
}
