import Foundation
import Testing
@testable import InsightsCLI

@Suite("File paths")
struct FilePathsTests {
    @Test("standardized gives what URL.standardizedFileURL gives", arguments: [
        "notes/a.md", "./notes/./a.md", "notes/x/../a.md", "/tmp//notes/a.md", "/tmp/notes/../../a.md", "../a.md",
        "/a/b/c/../../d.md", "ünï cödé/ a b.md", "weird..name...md",
    ])
    func standardized(path: String) {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(FilePaths.standardized(path, cwd: cwd) == URL(fileURLWithPath: path).standardizedFileURL.path)
    }

    @Test("resolved follows symlinks and is nil for a missing file")
    func resolved() throws {
        let dir = try TempDir()
        let real = try dir.write("real/note.md", "# x")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link", withDestinationPath: dir.path + "/real")
        #expect(FilePaths.resolved(dir.path + "/link/note.md") == FilePaths.resolved(real))
        #expect(FilePaths.resolved(real)?.hasSuffix("/real/note.md") == true)
        #expect(FilePaths.resolved(dir.path + "/missing.md") == nil)
        // The per-folder cache gives the same answers, a symlinked file included.
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/real/alias.md", withDestinationPath: real)
        var folders: [String: String] = [:]
        for p in [dir.path + "/link/note.md", real, dir.path + "/real/alias.md", dir.path + "/missing.md"] {
            #expect(FilePaths.resolved(p, folders: &folders) == FilePaths.resolved(p), "\(p)")
        }
    }
}
