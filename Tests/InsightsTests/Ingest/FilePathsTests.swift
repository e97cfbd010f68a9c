import Foundation
import Testing
@testable import InsightsCLI
import InsightsStore

@Suite("File paths")
struct FilePathsTests {
    @Test("standardized gives what URL.standardizedFileURL gives", arguments: [
        "notes/a.md", "./notes/./a.md", "notes/x/../a.md", "/tmp//notes/a.md", "/tmp/notes/../../a.md", "../a.md",
        "/a/b/c/../../d.md", "ünï cödé/ a b.md", "weird..name...md",
    ])
    func standardized(path: String) {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(FilePaths.standardized(path, cwd: cwd) == URL(fileURLWithPath: path).standardizedFileURL.path)
        // Without a folder given, a relative path is read against the current one.
        #expect(FilePaths.standardized(path) == URL(fileURLWithPath: path).standardizedFileURL.path)
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

    @Test("a folder's notes are listed as FileManager's enumerator lists them: nested, hidden ones and symlinked folders left out, symlinked files kept")
    func notesUnderFolder() throws {
        let dir = try TempDir()
        for file in ["a.md", "B.MARKDOWN", "c.txt", "sub/d.md", "sub/deeper/e.markdown", ".hidden.md", ".git/f.md",
                     "sub/.cache/g.md", "templates/note.md", "elsewhere/h.md"] {
            try dir.write(file, "# x")
        }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir.path + "/sub/alias.md", withDestinationPath: dir.path + "/a.md")
        try fm.createSymbolicLink(atPath: dir.path + "/linked", withDestinationPath: dir.path + "/elsewhere")
        // What the listing was before it read folders itself.
        func reference(_ folder: String, isJournal: Bool) -> [String] {
            guard let walker = fm.enumerator(atPath: folder) else { return [] }
            var out: [String] = []
            while let item = walker.nextObject() as? String {
                let name = (item as NSString).lastPathComponent
                if name.hasPrefix(".") || (isJournal && item == "templates") { walker.skipDescendants(); continue }
                if name.lowercased().hasSuffix(".md") || name.lowercased().hasSuffix(".markdown") { out.append(folder + "/" + item) }
            }
            return out.sorted()
        }
        let listed = InputPaths.notes(under: dir.path)
        #expect(listed == reference(dir.path, isJournal: false))
        #expect(listed.map { String($0.dropFirst(dir.path.count + 1)) }
                == ["B.MARKDOWN", "a.md", "elsewhere/h.md", "sub/alias.md", "sub/d.md", "sub/deeper/e.markdown", "templates/note.md"])
        #expect(InputPaths.notes(under: dir.path + "/") == listed)
        // In a journal its own templates/ holds no notes.
        try fm.createDirectory(atPath: dir.path + "/.insights", withIntermediateDirectories: true)
        #expect(InputPaths.notes(under: dir.path) == reference(dir.path, isJournal: true))
        #expect(!InputPaths.notes(under: dir.path).contains { $0.hasSuffix("templates/note.md") })
        // The journal's own listing is the same walk, relative to the journal.
        #expect(try Journal(path: dir.path).noteFiles() == reference(dir.path, isJournal: true).map { String($0.dropFirst(dir.path.count + 1)) })
        #expect(InputPaths.notes(under: dir.path + "/missing").isEmpty)
    }
}
