import Foundation
import Testing
@testable import InsightsCore

/// `PathParts` gives the folder and name `NSString` gives, on every shape of path a note, a journal file or a
/// page can have.
@Suite("Path parts")
struct PathPartsTests {
    @Test("folder and name agree with NSString", arguments: [
        "/home/me/notes/2025-12-17.md", "notes/a.md", "a.md", "/a.md", "/", "", "..", "./a.md", "../x/y.md",
        "/tmp/p10/notes/", "a//b.md", "//a.md", "/a/b/", "sessions/2025-12-17-x.html", "search-index.js",
        "/home/me/Notes Ü/déjà vu.md", "tags/c++.html", "a/.hidden.md", "/a/./b/../c.md",
    ])
    func agreesWithNSString(path: String) {
        #expect(PathParts.name(path) == (path as NSString).lastPathComponent)
        #expect(PathParts.folder(path) == (path as NSString).deletingLastPathComponent)
    }

    @Test("plain paths, and the two NSString crashes on")
    func plainPaths() {
        #expect(PathParts.name(".") == "." && PathParts.folder(".") == "")
        #expect(PathParts.name("notes/") == "notes" && PathParts.folder("notes/") == "")
        #expect(PathParts.name("a/b//") == "b" && PathParts.folder("a/b//") == "a")
        #expect(PathParts.name("/a/b/c.md") == "c.md")
        #expect(PathParts.folder("/a/b/c.md") == "/a/b")
        #expect(PathParts.folder("c.md") == "")
        #expect(PathParts.folder("/c.md") == "/")
        #expect(PathParts.name("naïve/résumé.md") == "résumé.md")
    }
}
