import Foundation
import InsightsCore

extension StoredJSON {
    /// Decodes a stored row: what `JSONDecoder` makes of it, without Foundation's general machinery, which
    /// was a sixth of a site build's time. The JSON is read once into a flat list of its values, then the
    /// value is read from that list: a stored model member by member (`StoredJSONReadable`), any other value
    /// through its `Codable` conformance. Anything this decoder does not take (a `Data`, `Date`, `URL` or
    /// `Decimal`, which Foundation decodes its own way; a number outside `Int`; a super decoder; JSON that is
    /// not well formed; any error at all) is decoded by `JSONDecoder`, which also gives the error.
    /// `strings`: where the strings decoded are shared with those of other rows (nil: not shared).
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, strings: SharedStrings.Table? = nil) throws -> T {
        if let fast = decodedFast(type, from: data, strings: strings) { return fast }
        return try JSONDecoder().decode(type, from: data)
    }

    /// The value this decoder makes of `data`, or nil where it leaves the row to `JSONDecoder`.
    static func decodedFast<T: Decodable>(_ type: T.Type, from data: Data, strings: SharedStrings.Table? = nil) -> T? {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let document = try? JSONDocument(bytes, strings: strings), let value = try? document.decode(T.self, at: 0),
                  !document.isDeclined else { return nil }
            return value
        }
    }
}
