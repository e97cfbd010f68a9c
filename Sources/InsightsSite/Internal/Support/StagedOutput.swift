import Foundation
import InsightsCore

/// The next version of the site, assembled beside the current one and swapped in, so a build that fails or is
/// killed leaves the previous site (or none), never a mix of the two.
///
/// For `site/`: `.site.building/` gets a hard link to every file that stays (pages this build did not change,
/// and files the site never wrote, such as a user's `CNAME`) plus the files this build wrote; then `site/`
/// moves to `.site.previous/`, `.site.building/` into its place, and the old one is deleted. A build killed
/// between those two renames is finished by the next one (`recover`).
struct StagedOutput {
    let output: String

    var parent: String {
        let p = (output as NSString).deletingLastPathComponent
        return p.isEmpty ? "." : p
    }
    var name: String { (output as NSString).lastPathComponent }
    var staging: String { parent + "/." + name + ".building" }
    var previous: String { parent + "/." + name + ".previous" }

    /// Bytes of pages written between two flushes while a build renders (see `FlushAhead`).
    static let flushEvery = 16 << 20

    /// Puts back a site moved aside by a build killed mid-swap, and clears what such a build left behind.
    func recover() throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: output), fm.fileExists(atPath: previous), rename(previous, output) != 0 {
            throw SiteError.io(path: output, reason: "cannot restore the previous site from \(previous)")
        }
        for leftover in [staging, previous] where fm.fileExists(atPath: leftover) {
            do { try fm.removeItem(atPath: leftover) } catch {
                throw SiteError.io(path: leftover, reason: "cannot remove what an interrupted build left (\(error.localizedDescription))")
            }
        }
    }

    /// Starts the next site's folder.
    func prepare() throws { try OutputFolder(path: staging).prepare() }

    /// Creates a folder of the next site (relative to it), with its parents.
    func makeFolder(_ relative: String) throws {
        let path = staging + "/" + relative
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw SiteError.io(path: path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
    }

    /// Writes one file of the next site.
    func write(_ data: Data, to relative: String) throws { try OutputFolder(path: staging, isUnseen: true).write(data, to: relative) }
    /// Opens one page of the next site, to be written as it renders.
    func open(_ relative: String) throws -> PageOutput { PageOutput(file: try OutputFolder(path: staging, isUnseen: true).open(relative)) }

    /// Links every current file for which `keep` is true into the next site.
    func link(keep: (String) -> Bool) throws {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: output) else { return }
        while let relative = walker.nextObject() as? String {
            guard walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            let name = PathParts.name(relative)
            if name.hasPrefix(".") && name.contains(".tmp-") { continue }  // a write cut short
            guard keep(relative) else { continue }
            let from = output + "/" + relative, to = staging + "/" + relative
            try fm.createDirectory(atPath: PathParts.folder(to), withIntermediateDirectories: true)
            // A hard link costs no copy; across file systems (or where links are refused) copy instead.
            if Foundation.link(from, to) != 0 {
                do { try fm.copyItem(atPath: from, toPath: to) } catch {
                    throw SiteError.io(path: to, reason: "cannot carry over an unchanged file (\(error.localizedDescription))")
                }
            }
        }
    }

    /// Swaps the assembled site in and deletes the old one.
    func swap() throws {
        let fm = FileManager.default
        // The next site's files reach the disk before it takes the old one's place, in one flush for all of them
        // (an fsync per page was 1.5 s of system time at 2,000 notes). On Linux sync(2) waits for the writes, and
        // for other dirty files too; on macOS it may only schedule them.
        sync()
        if fm.fileExists(atPath: output), rename(output, previous) != 0 {
            throw SiteError.io(path: output, reason: "cannot move the old site aside (\(String(cString: strerror(errno))))")
        }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(previous, output)
            throw SiteError.io(path: output, reason: "cannot move the new site into place (\(reason))")
        }
        try? fm.removeItem(atPath: previous)
        let fd = Foundation.open(parent, O_RDONLY)
        if fd >= 0 { fsync(fd); close(fd) }
    }
}
