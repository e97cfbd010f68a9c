import Foundation
import InsightsCore

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
        let staged = try stage(files)
        do { try publish(staged) } catch { discard(staged); throw error }
    }

    /// A file written under a temporary name beside its path, not yet in place (see `publish`).
    public struct Staged: Sendable {
        let temp: String
        let path: String
    }

    /// Writes each file under a temporary name in `folder` (on the same file system as the files; nil: each
    /// file's own folder), nothing flushed yet; on an error, removes what it wrote and throws.
    public static func stage(_ files: [(data: Data, path: String)], in folder: String? = nil) throws -> [Staged] {
        var staged: [Staged] = []
        do {
            for (data, path) in files {
                let temp = (folder ?? folderOf(path)) + "/.\(PathParts.name(path)).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
                let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                guard fd >= 0 else { throw StoreError.io(path: path, reason: "cannot write (\(String(cString: strerror(errno))))") }
                staged.append(Staged(temp: temp, path: path))
                var ok = true
                data.withUnsafeBytes { raw in
                    var offset = 0
                    while offset < raw.count, let base = raw.baseAddress {
                        let n = Foundation.write(fd, base + offset, raw.count - offset)
                        if n <= 0 { ok = false; break }
                        offset += n
                    }
                }
                close(fd)
                guard ok else { throw StoreError.io(path: path, reason: "cannot write (\(String(cString: strerror(errno))))") }
            }
        } catch {
            discard(staged)
            throw error
        }
        return staged
    }

    /// Puts staged files in place: flushes them (one file: itself; more: the file system, once), renames each
    /// in order, then flushes each folder. A rename that fails throws, and the files not yet renamed stay
    /// staged (remove them with `discard`).
    public static func publish(_ staged: [Staged]) throws {
        guard !staged.isEmpty else { return }
        if staged.count == 1 {
            let fd = open(staged[0].temp, O_RDONLY)
            guard fd >= 0, fsync(fd) == 0 else {
                if fd >= 0 { close(fd) }
                throw StoreError.io(path: staged[0].path, reason: "cannot write (\(String(cString: strerror(errno))))")
            }
            close(fd)
        } else {
            flushFileSystem(of: folderOf(staged[0].path))
        }
        for s in staged {
            guard rename(s.temp, s.path) == 0 else {
                throw StoreError.io(path: s.path, reason: "cannot write (\(String(cString: strerror(errno))))")
            }
        }
        for folder in Set(staged.map { folderOf($0.path) }) { syncFolder(folder) }
    }

    /// Removes staged files that were not put in place (a renamed one is gone from its temporary name).
    public static func discard(_ staged: [Staged]) {
        for s in staged { unlink(s.temp) }
    }

    /// Makes a rename in `folder` durable.
    static func syncFolder(_ folder: String) {
        let dirfd = open(folder, O_RDONLY)
        if dirfd >= 0 { fsync(dirfd); close(dirfd) }
    }

    private static func folderOf(_ path: String) -> String {
        let folder = PathParts.folder(path)
        return folder.isEmpty ? "." : folder
    }

    /// Flushes written data to disk once for a batch (`sync(2)`: Glibc's Swift module does not expose `syncfs`).
    static func flushFileSystem(of folder: String) {
        sync()
    }
}
