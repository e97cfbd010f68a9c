import Foundation
import InsightsCore
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
    /// file system (what `URL(fileURLWithPath:).standardizedFileURL.path` gives). `cwd` defaults to the current
    /// folder, asked for only when `path` is relative (asking is a system call: two per note of an ingest).
    static func standardized(_ path: String, cwd: String? = nil) -> String {
        let full = path.hasPrefix("/") ? path : (cwd ?? FileManager.default.currentDirectoryPath) + "/" + path
        // Most paths are clean already: no `.` or `..` segment, no doubled or trailing slash.
        if !full.containsASCII("/.") && !full.containsASCII("//") && (full.utf8.count == 1 || !full.hasSuffix("/")) { return full }
        var parts: [Substring] = []
        for part in full.split(separator: Character("/"), omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `resolved(path)` for many files of few folders: a file that is not itself a symlink resolves as its
    /// folder (resolved once, remembered in `folders`) plus its name.
    static func resolved(_ path: String, folders: inout [String: String]) -> String? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        if (st.st_mode & S_IFMT) == S_IFLNK { return resolved(path) }
        let folder = PathParts.folder(path)
        let name = PathParts.name(path)
        let key = folder.isEmpty ? "." : folder
        if folders[key] == nil { folders[key] = resolved(key) }
        guard let real = folders[key] else { return nil }
        return real == "/" ? "/" + name : real + "/" + name
    }

    /// The absolute path with every symlink resolved (`realpath(3)`), or nil when it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
