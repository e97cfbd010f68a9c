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

    /// The manifest's JSON, a line per file, written directly (`JSONEncoder` built a tree of the whole manifest
    /// first: 36 MB for the 50,000 files of a 50,000-note site).
    func encoded() -> Data {
        var out = "{\n\"files\": {"
        out.reserveCapacity(files.count * 110 + 200)
        for (n, path) in files.keys.sorted().enumerated() {
            guard let entry = files[path] else { continue }
            out += n == 0 ? "\n" : ",\n"
            out += JS.string(path); out += ": {\"bytes\": "; out += String(entry.bytes)
            out += ", \"key\": "; out += JS.string(entry.key); out += "}"
        }
        out += "\n},\n"
        if let source { out += "\"source\": " + JS.string(source) + ",\n" }
        out += "\"version\": \(version)\n}\n"
        return Data(out.utf8)
    }
}
