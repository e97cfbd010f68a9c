import Foundation
import Testing
import InsightsCore
import InsightsMarkdown

/// The shared corpus of real notes beside the repository (`../shared/corpus/`), read in place, never copied.
enum Corpus {
    /// The corpus folder, or nil when it is absent (tests then say so loudly and skip).
    static let root: URL? = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        // `../shared/corpus/` beside the repository, or beside any folder above it (worktrees in /work/wt/NAME).
        var folder = repo
        while folder.path != "/" {
            folder = folder.deletingLastPathComponent()
            let url = folder.appendingPathComponent("shared/corpus")
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("README.md").path) { return url }
        }
        FileHandle.standardError.write(Data("""
            ⚠️  ../shared/corpus/ is ABSENT: every test that reads real notes is SKIPPED.
               Put the shared corpus beside the repository to run them.\n
            """.utf8))
        return nil
    }()

    static var isPresent: Bool { root != nil }

    /// The repository root (for the shipped journal and templates).
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Text of a corpus note, e.g. `"seed/SESSION_INSIGHTS-2025-12-17.md"`.
    static func text(_ path: String) throws -> String {
        let root = try #require(root, "../shared/corpus/ is absent")
        return try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Path of a corpus file.
    static func path(_ path: String) throws -> String {
        try #require(root, "../shared/corpus/ is absent").appendingPathComponent(path).path
    }

    /// A corpus note parsed and extracted with the default vocabulary.
    static func session(_ path: String) throws -> Session {
        NoteParser().session(from: try text(path), fileName: (path as NSString).lastPathComponent)
    }

    static let seed = "seed/SESSION_INSIGHTS-2025-12-17.md"
}
