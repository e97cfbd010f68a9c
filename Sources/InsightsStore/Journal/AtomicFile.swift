import Foundation

/// Crash-safe file writes: temporary file, flush to disk, rename, flush of the folder.
///
/// A reader, or the file system after a crash, sees the old file or the new one, never half of one.
public enum AtomicFile {
    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws {
        try writeAll([(data, path)])
    }

    /// Writes many files atomically with one flush for the whole batch instead of one per file:
    /// every temporary file is written, the file system is flushed once, then each is renamed into place
    /// and each folder is flushed. A crash leaves each file old or new (and perhaps stray `.tmp-` files).
    public static func writeAll(_ files: [(data: Data, path: String)]) throws {
        guard !files.isEmpty else { return }
        var temps: [(temp: String, path: String)] = []
        defer { for t in temps { unlink(t.temp) } }
        for (data, path) in files {
            let folder = folderOf(path)
            let temp = folder + "/.\((path as NSString).lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else { throw StoreError.io(path: path, reason: "cannot write (\(String(cString: strerror(errno))))") }
            temps.append((temp, path))
            var ok = true
            data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count, let base = raw.baseAddress {
                    let n = Foundation.write(fd, base + offset, raw.count - offset)
                    if n <= 0 { ok = false; break }
                    offset += n
                }
            }
            // One file: flush it now. Many: one file-system flush below covers them all.
            if files.count == 1, fsync(fd) != 0 { ok = false }
            close(fd)
            guard ok else { throw StoreError.io(path: path, reason: "cannot write (\(String(cString: strerror(errno))))") }
        }
        if files.count > 1 { flushFileSystem(of: folderOf(files[0].path)) }
        for t in temps {
            guard rename(t.temp, t.path) == 0 else {
                throw StoreError.io(path: t.path, reason: "cannot write (\(String(cString: strerror(errno))))")
            }
        }
        temps.removeAll()
        for folder in Set(files.map { folderOf($0.path) }) { syncFolder(folder) }
    }

    /// Makes a rename in `folder` durable.
    static func syncFolder(_ folder: String) {
        let dirfd = open(folder, O_RDONLY)
        if dirfd >= 0 { fsync(dirfd); close(dirfd) }
    }

    private static func folderOf(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Flushes written data to disk once for a batch (`sync(2)`: Glibc's Swift module does not expose `syncfs`).
    private static func flushFileSystem(of folder: String) {
        sync()
    }
}
