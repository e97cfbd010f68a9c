import Foundation
import InsightsCore

/// Writes under one folder only: each file atomically (temporary file + rename), or, in a folder nobody reads
/// until it is moved into place whole (`isUnseen`: the next site being assembled), straight to its name.
struct OutputFolder {
    let path: String
    /// Whether the folder is seen only once complete: a file is then written to its own name (no temporary file
    /// and rename, which were a sixth of the system time of a build of 10,000 notes), unless that name already
    /// exists (a hard link to the current site's file, which a write in place would change).
    var isUnseen = false

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

    private func write(bytes raw: UnsafeRawBufferPointer, to relative: String) throws {
        let file = try open(relative)
        do { try file.write(raw) } catch { file.discard(); throw error }
        try file.commit()
    }

    /// A file being written: its temporary file, renamed into place by `commit`.
    func open(_ relative: String) throws -> File {
        let target = try full(relative)
        let folder = PathParts.folder(target)
        if isUnseen {
            let fd = Foundation.open(target, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if fd >= 0 { return File(fd: fd, temp: nil, target: target) }
        }
        let temp = folder + "/." + PathParts.name(target) + ".tmp-\(getpid())"
        var fd = Foundation.open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 && errno == ENOENT {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            fd = Foundation.open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { throw SiteError.io(path: target, reason: "cannot write (\(String(cString: strerror(errno))))") }
        return File(fd: fd, temp: temp, target: target)
    }

    /// An open temporary file and where it goes: written in pieces, then renamed into place, or discarded.
    /// Without a temporary file (`isUnseen`), the file is written in place.
    struct File {
        let fd: Int32
        let temp: String?
        let target: String

        func write(_ raw: UnsafeRawBufferPointer) throws {
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let n = Foundation.write(fd, base + offset, raw.count - offset)
                if n <= 0 { throw SiteError.io(path: target, reason: "cannot write (\(String(cString: strerror(errno))))") }
                offset += n
            }
        }

        func write(_ text: String) throws {
            var text = text
            try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
        }

        /// Closes the file and renames it into place.
        func commit() throws {
            close(fd)
            guard let temp else { return }
            guard rename(temp, target) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temp)
                throw SiteError.io(path: target, reason: "cannot replace (\(reason))")
            }
        }

        /// Closes and deletes the file.
        func discard() {
            close(fd)
            unlink(temp ?? target)
        }
    }
}
