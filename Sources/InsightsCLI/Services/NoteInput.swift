import Foundation
import InsightsCore
import InsightsStore

/// A note to ingest: its bytes and where they came from, checked for the things that make a file unusable.
package struct NoteInput: Sendable {
    /// The path as the user gave it (`-` for standard input).
    let path: String
    let data: Data
    let text: String

    /// Notes larger than this are refused: 10 MiB, hundreds of times a long real note.
    static let maxBytes = 10 * 1024 * 1024

    /// Why a file could not be read as a note.
    package struct Rejection: Error, Sendable {
        package let path: String
        package let reason: String
    }

    /// Validates `data`: not empty, not binary, not over the size limit, valid UTF-8 (or decoded with
    /// replacement characters when `isLossy`).
    package static func make(path: String, data: Data, isLossy: Bool) -> Result<NoteInput, Rejection> {
        if data.count > maxBytes {
            return .failure(Rejection(path: path, reason: "too large (\(data.count / 1024 / 1024) MiB; notes are limited to \(maxBytes / 1024 / 1024) MiB)"))
        }
        if data.withUnsafeBytes({ $0.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }) {
            return .failure(Rejection(path: path, reason: "empty note (no text)"))
        }
        if data.withUnsafeBytes({ $0.prefix(8192).contains(0) }) {
            return .failure(Rejection(path: path, reason: "binary file (contains NUL bytes), not a Markdown note"))
        }
        if let text = String(validating: data, as: UTF8.self) {
            return .success(NoteInput(path: path, data: data, text: text))
        }
        if isLossy {
            return .success(NoteInput(path: path, data: data, text: String(decoding: data, as: UTF8.self)))
        }
        let (offset, line) = firstInvalidUTF8(data)
        return .failure(Rejection(path: path, reason: "not valid UTF-8 (line \(line), byte \(offset)); convert it (iconv -t UTF-8) or pass --lossy to replace bad bytes"))
    }

    /// Byte offset and 1-based line of the first invalid UTF-8 sequence.
    static func firstInvalidUTF8(_ data: Data) -> (offset: Int, line: Int) {
        let bytes = [UInt8](data)
        var i = 0, line = 1
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (i, line)
            }
            if i + length > bytes.count { return (i, line) }
            if length > 1, String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return (i, line) }
            if b == 0x0A { line += 1 }
            i += length
        }
        return (i, line)
    }
}

/// Expands the paths a user typed (files, folders, globs, `-`) into note files, in a stable order.
enum InputPaths {
    /// Files to read and the paths that matched nothing.
    static func expand(_ arguments: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        var seen = Set<String>()
        func add(_ path: String) {
            let key = FilePaths.standardized(path)
            if seen.insert(key).inserted { files.append(path) }
        }
        for argument in arguments {
            if argument == "-" { files.append("-"); continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    for file in notes(under: argument) { add(file) }
                } else {
                    add(argument)
                }
            } else if argument.contains(where: { "*?[".contains($0) }) {
                let matches = glob(argument)
                if matches.isEmpty { missing.append(argument) }
                for m in matches {
                    var dir: ObjCBool = false
                    if FileManager.default.fileExists(atPath: m, isDirectory: &dir), dir.boolValue {
                        for file in notes(under: m) { add(file) }
                    } else { add(m) }
                }
            } else {
                missing.append(argument)
            }
        }
        return (files, missing)
    }

    /// `*.md` / `*.markdown` files under a folder, recursively, hidden files and folders skipped, sorted
    /// (`Journal.noteFiles(under:skippingTemplates:)`).
    static func notes(under folder: String) -> [String] {
        // A journal's own `templates/` (note.md for `insights new`) holds no notes.
        let isJournal = FileManager.default.fileExists(atPath: folder + "/.insights")
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        return (Journal.noteFiles(under: folder, skippingTemplates: isJournal) ?? []).map { base + $0 }
    }

    static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        guard Foundation.glob(pattern, 0, nil, &g) == 0 else { return [] }
        return (0..<Int(g.gl_pathc)).compactMap { i in g.gl_pathv[i].map { String(cString: $0) } }.sorted()
    }
}
