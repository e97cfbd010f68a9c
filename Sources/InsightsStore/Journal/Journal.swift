import Foundation
import InsightsCore

/// A journal folder: the Markdown notes (the source of truth) plus its derived index in `.insights/`.
///
/// `Journal(path: "journal")` → notes at `journal/*.md`, index at `journal/.insights/index.sqlite`,
/// configuration in `journal/insights.json`, pinned decisions in `journal/decisions.json`.
public struct Journal: Sendable {
    /// The journal folder, as given.
    public let path: String

    /// The index file when it is not the usual one (a reindex builds beside it, then swaps).
    private var indexFile: String?

    public init(path: String) {
        self.path = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
    }

    public var indexFolder: String { path + "/.insights" }
    public var indexPath: String { indexFile ?? indexFolder + "/index.sqlite" }

    /// The same journal with its index at another path of its index folder (`index.sqlite.rebuilding`).
    public func withIndex(named name: String) -> Journal {
        var j = self
        j.indexFile = indexFolder + "/" + name
        return j
    }

    /// Puts the index file built by `other` (see `withIndex(named:)`, closed) in place of this journal's index.
    /// The built file is flushed to disk first (one written without flushes, see `Index.openNew(at:)`, is then
    /// whole on disk before it is in place); the old index's WAL and shared memory go next (they belong to the
    /// old file; without them it is its last checkpoint, still whole), then one rename: a kill at any moment
    /// leaves the old index or the new.
    public func replaceIndex(with other: Journal) throws {
        let fm = FileManager.default
        let built = other.indexPath
        if let size = (try? fm.attributesOfItem(atPath: built + "-wal"))?[.size] as? Int, size > 0 {
            throw StoreError.io(path: built, reason: "the rebuilt index is still open; not swapping it in")
        }
        let fd = open(built, O_RDONLY)
        guard fd >= 0, fsync(fd) == 0 else {
            if fd >= 0 { close(fd) }
            throw StoreError.io(path: built, reason: "cannot flush the rebuilt index (\(String(cString: strerror(errno))))")
        }
        close(fd)
        do {
            for suffix in ["-wal", "-shm"] {
                for p in [indexPath + suffix, built + suffix] where fm.fileExists(atPath: p) { try fm.removeItem(atPath: p) }
            }
            guard rename(built, indexPath) == 0 else { throw StoreError.io(path: indexPath, reason: String(cString: strerror(errno))) }
            AtomicFile.syncFolder(indexFolder)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.io(path: indexPath, reason: "cannot replace (\(error.localizedDescription))")
        }
    }
    public var configPath: String { path + "/insights.json" }
    public var sourcesPath: String { path + "/sources.json" }

    /// Absolute path of a journal-relative file.
    public func url(_ file: String) -> URL { URL(fileURLWithPath: path).appendingPathComponent(file) }

    /// Creates the journal and its `.insights/` folder (with a `.gitignore` so the index stays out of git).
    public func create() throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: indexFolder, withIntermediateDirectories: true)
            let ignore = indexFolder + "/.gitignore"
            if !fm.fileExists(atPath: ignore) {
                try Data("# The index is derived from the notes: rebuild it with `insights reindex`.\n*\n".utf8)
                    .write(to: URL(fileURLWithPath: ignore), options: .atomic)
            }
        } catch {
            throw StoreError.io(path: indexFolder, reason: "cannot create the index folder (\(error.localizedDescription))")
        }
    }

    /// Opens the index, creating the journal folders first unless `readOnly`. Writers verify the whole file
    /// first unless `verifies` is false (then call `Index.verify()` before the first write).
    /// Readers get `Index.openReader(at:)`'s read-only connection.
    public func openIndex(readOnly: Bool = false, verifies: Bool = true) throws -> Index {
        if readOnly {
            try requireIndex()
            // Readers skip the whole-file integrity check; damage they meet still reads as "run insights reindex".
            return try Index.openReader(at: indexPath)
        }
        try create()
        return try Index.open(at: indexPath, verifies: verifies)
    }

    /// The index, which must exist, for a small write into it (a pinned task or failure decision); checked
    /// whole first, as every writer does.
    public func openExistingIndex() throws -> Index {
        try requireIndex()
        return try Index.open(at: indexPath)
    }

    private func requireIndex() throws {
        guard FileManager.default.fileExists(atPath: indexPath) else {
            throw StoreError.io(path: indexPath, reason: "no index yet; run `insights ingest NOTE.md` or `insights reindex` first")
        }
    }

    /// Opens a new index at this journal's index path, for building (see `Index.openNew(at:)`): whatever
    /// was there (a build a kill left behind) is removed first.
    public func openNewIndex() throws -> Index {
        try create()
        try removeIndex()
        return try Index.openNew(at: indexPath)
    }

    /// Deletes the index files (the notes are untouched).
    public func removeIndex() throws {
        for suffix in ["", "-wal", "-shm"] {
            let p = indexPath + suffix
            if FileManager.default.fileExists(atPath: p) {
                do { try FileManager.default.removeItem(atPath: p) } catch {
                    throw StoreError.io(path: p, reason: "cannot remove (\(error.localizedDescription))")
                }
            }
        }
    }

    /// The journal's own templates (`templates/note.md` for `insights new`): not notes.
    public static let templatesFolder = "templates"

    /// Journal-relative paths of every note (`*.md`, `*.markdown`), sorted; hidden folders and the top-level
    /// `templates/` folder are skipped.
    public func noteFiles() throws -> [String] {
        guard let files = Self.noteFiles(under: path, skippingTemplates: true) else {
            throw StoreError.io(path: path, reason: "not a readable folder")
        }
        return files
    }

    /// The notes (`isNoteName`) under `folder`, recursively, as paths relative to it, sorted; hidden files and
    /// folders skipped, and with `skippingTemplates` the top-level `templates/` too. Symbolic links are listed,
    /// not followed. nil when `folder` cannot be read. Read with readdir(3): `FileManager`'s enumerator took
    /// 47,000 instructions a file, 0.15 s of CPU before a cold ingest of 10,000 notes could start.
    public static func noteFiles(under folder: String, skippingTemplates: Bool) -> [String]? {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        var files: [String] = []
        func walk(_ relative: String) -> Bool {
            guard let dir = opendir(relative.isEmpty ? folder : base + relative) else { return false }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name == "." || name == ".." { continue }
                let item = relative.isEmpty ? name : relative + "/" + name
                if name.hasPrefix(".") || (skippingTemplates && item == templatesFolder) { continue }
                var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var st = stat()
                    isFolder = lstat(base + item, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
                }
                if isFolder { _ = walk(item) } else if isNoteName(name) { files.append(item) }
            }
            return true
        }
        return walk("") ? files.sorted() : nil
    }

    /// Whether a file name looks like a Markdown note.
    public static func isNoteName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    /// Whether `file` (journal-relative) exists.
    public func exists(_ file: String) -> Bool {
        FileManager.default.fileExists(atPath: url(file).path)
    }

    /// Reads a journal file's bytes.
    public func read(_ file: String) throws -> Data {
        do { return try Data(contentsOf: url(file)) } catch {
            throw StoreError.io(path: url(file).path, reason: "cannot read (\(error.localizedDescription))")
        }
    }

    /// Writes `data` to `file` atomically: a temporary file in the same folder, fsynced, then renamed.
    public func write(_ data: Data, to file: String) throws {
        try AtomicFile.write(data, to: url(file).path)
    }

    /// The journal's configuration (`insights.json`), or defaults when there is none.
    public func config() throws -> JournalConfig {
        guard FileManager.default.fileExists(atPath: configPath) else { return JournalConfig() }
        do {
            return try JSONDecoder().decode(JournalConfig.self, from: Data(contentsOf: URL(fileURLWithPath: configPath)))
        } catch let error as DecodingError {
            throw StoreError.invalidConfig(path: configPath, reason: "not valid insights.json (\(Self.describe(error)))")
        } catch {
            throw StoreError.invalidConfig(path: configPath, reason: error.localizedDescription)
        }
    }

    /// Where each session's note was ingested from (id → path as given), kept in `sources.json`.
    public func sources() -> [String: String] {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: sourcesPath)),
              let map = try? JSONDecoder().decode([String: String].self, from: data) else { return [:] }
        return map
    }

    public func writeSources(_ map: [String: String]) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try AtomicFile.write(try e.encode(map) + Data("\n".utf8), to: sourcesPath)
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
            let path = c.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? c.debugDescription : "\(path): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// `insights.json`: per-journal settings. Every key optional.
///
/// `{"vocabulary": {"sections": {"remaining": ["parking lot"]}}, "title": "Team insights"}`
public struct JournalConfig: Sendable, Codable {
    public var vocabulary: VocabularyOverride?
    /// Site title used by `insights build` unless `--title` is given.
    public var title: String?

    public init() {}

    /// The default vocabulary with this journal's additions.
    public var effectiveVocabulary: Vocabulary {
        vocabulary.map { Vocabulary.default.merged(with: $0) } ?? .default
    }
}
