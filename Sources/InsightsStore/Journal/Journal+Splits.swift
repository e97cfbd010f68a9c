import Foundation
import InsightsCore

extension Journal {
    /// Where `splits.json` lives: the split mode chosen for journal files that must not be split `auto`.
    public var splitsPath: String { path + "/splits.json" }

    /// Journal file → split mode, for files ingested with `--split none|entries` or from git history, so that
    /// reindex reads each file the way ingest did. `{"2026-04-12-last-session.md": "none"}`.
    public func splitModes() -> [String: SplitMode] {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: splitsPath)),
              let map = try? JSONDecoder().decode([String: SplitMode].self, from: data) else { return [:] }
        return map
    }

    public func writeSplitModes(_ map: [String: SplitMode]) throws {
        if map.isEmpty && !FileManager.default.fileExists(atPath: splitsPath) { return }
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try AtomicFile.write(try e.encode(map) + Data("\n".utf8), to: splitsPath)
    }
}
