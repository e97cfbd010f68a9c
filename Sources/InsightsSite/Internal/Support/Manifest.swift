import Foundation

/// `.insights-build.json` in the output folder: each file the site wrote, with the fingerprint of its inputs.
///
/// `{"files": {"index.html": {"key": "3fa1…", "bytes": 5120}}, "version": 1}`
struct Manifest: Codable, Equatable {
    struct Entry: Codable, Equatable { var key: String; var bytes: Int }
    static let fileName = ".insights-build.json"

    var version = 1
    /// The key of the whole build (`SiteBuilder.buildKey`), when the caller described its input.
    var source: String?
    var files: [String: Entry] = [:]

    /// The manifest in `folder`, or an empty one when there is none or it is unreadable (then everything is rebuilt).
    static func read(in folder: String) -> Manifest {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName),
              let m = try? JSONDecoder().decode(Manifest.self, from: data), m.version == 1 else { return Manifest() }
        return m
    }

    func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try e.encode(self) + Data("\n".utf8)
    }
}
