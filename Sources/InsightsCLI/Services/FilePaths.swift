import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path arithmetic for thousands of notes at a time. Foundation's `URL.standardizedFileURL` and
/// `resolvingSymlinksInPath()` cost ~60 µs a path, a fifth of re-ingesting 10,000 unchanged notes.
///
/// `FilePaths.standardized("notes/./a/../b.md", cwd: "/home/me")` → `"/home/me/notes/b.md"`.
enum FilePaths {
    /// `path` made absolute against `cwd`, with `.`, `..` and repeated slashes removed, without touching the
    /// file system (what `URL(fileURLWithPath:).standardizedFileURL.path` gives).
    static func standardized(_ path: String, cwd: String = FileManager.default.currentDirectoryPath) -> String {
        let full = path.hasPrefix("/") ? path : cwd + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: Character("/"), omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The absolute path with every symlink resolved (`realpath(3)`), or nil when it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
