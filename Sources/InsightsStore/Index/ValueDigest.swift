import Foundation
import InsightsCore

/// A 128-bit digest of a value's stored JSON (`StoredJSON.encode`, which writes equal values as equal bytes):
/// a write compares digests to leave alone the rows whose JSON is unchanged (one new note rewrites only the tasks
/// it touched). Equal JSON gives equal digests in every process.
///
/// It once walked the value through `Codable` to skip encoding it, when encoding cost more than the walk; the
/// models' field-by-field JSON (`StoredJSONWritable`) now costs less than that walk did, and the digest is of
/// the bytes (`WordHash`).
///
/// `ValueDigest.of(task)` → `"5f0c…"` (32 hex digits).
enum ValueDigest {
    static func of<T: Encodable>(_ value: T) throws -> String { of(json: try StoredJSON.encode(value)) }

    static func of(json: Data) -> String {
        var hash = WordHash()
        json.withUnsafeBytes { hash.add($0) }
        return hash.hex
    }
}
