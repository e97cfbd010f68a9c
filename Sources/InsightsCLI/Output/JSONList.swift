import Foundation

/// A JSON array written from documents already encoded (the index stores each task and failure as JSON), one
/// element per line.
///
/// `JSONList.array([Data(#"{"id":"T-1"}"#.utf8)])` → `"[\n{\"id\":\"T-1\"}\n]"`; no elements → `"[]"`.
enum JSONList {
    static func array(_ elements: [Data]) -> String {
        guard !elements.isEmpty else { return "[]" }
        return "[\n" + elements.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ",\n") + "\n]"
    }
}
