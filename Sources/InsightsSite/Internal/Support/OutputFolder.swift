import Foundation

/// Writes under one folder only: each file atomically (temporary file + rename).
struct OutputFolder {
    let path: String

    /// Refuses folders a site must never be written to (the root, the home folder, the current folder: a
    /// build swaps the whole folder).
    func validate() throws {
        let standard = (path as NSString).standardizingPath
        let home = (NSHomeDirectory() as NSString).standardizingPath
        let name = (standard as NSString).lastPathComponent
        guard !path.isEmpty, standard != "/", standard != home, name != ".", name != "..",
              standard != (FileManager.default.currentDirectoryPath as NSString).standardizingPath else {
            throw SiteError.unsafePath(path)
        }
    }

    /// Validates and creates the folder.
    func prepare() throws {
        try validate()
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw SiteError.io(path: path, reason: "cannot create the output folder (\(error.localizedDescription))")
        }
    }

    func full(_ relative: String) throws -> String {
        guard SafePath.isContained(relative) else { throw SiteError.unsafePath(relative) }
        return path + "/" + relative
    }

    func exists(_ relative: String) -> Bool {
        (try? full(relative)).map { FileManager.default.fileExists(atPath: $0) } ?? false
    }

    /// Writes `data` so a reader (or a killed build) sees the old file or the new one, never half: a temporary
    /// file renamed into place. It is not flushed to disk one by one (Foundation's `Data.write` did, 2,000 fsyncs
    /// for 2,000 pages): a build flushes the whole next site once, before swapping it in (`StagedOutput.swap`).
    func write(_ data: Data, to relative: String) throws {
        try data.withUnsafeBytes { try write(bytes: $0, to: relative) }
    }

    /// Writes a page's text as it is (copying it into `Data` first held a whole-journal page twice).
    func write(_ text: String, to relative: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0), to: relative) }
    }

    private func write(bytes raw: UnsafeRawBufferPointer, to relative: String) throws {
        let target = try full(relative)
        let folder = (target as NSString).deletingLastPathComponent
        let temp = folder + "/." + (target as NSString).lastPathComponent + ".tmp-\(getpid())"
        var fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 && errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { throw SiteError.io(path: target, reason: "cannot write (\(String(cString: strerror(errno))))") }
        var failure: String?
        var offset = 0
        while offset < raw.count, let base = raw.baseAddress {
            let n = Foundation.write(fd, base + offset, raw.count - offset)
            if n <= 0 { failure = String(cString: strerror(errno)); break }
            offset += n
        }
        close(fd)
        if let failure {
            unlink(temp)
            throw SiteError.io(path: target, reason: "cannot write (\(failure))")
        }
        guard rename(temp, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw SiteError.io(path: target, reason: "cannot replace (\(reason))")
        }
    }
}
