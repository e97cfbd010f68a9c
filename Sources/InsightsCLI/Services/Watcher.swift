import Foundation
import InsightsStore

/// Watches folders by polling and ingests each note once it has stopped changing.
///
/// A file is ingested when its size, modification time and inode are the same at two polls one interval
/// apart (so a half-written file waits) and differ from when it was last ingested. Editors that save by
/// writing a temporary file and renaming it show up as one change to the real name; their temporary files
/// (`.foo.md.swp`, `foo.md~`, `4913`, `#foo.md#`) are not notes and are never read. Each poll's files go in
/// one ingest transaction, and content already in the journal is a no-op, so a file is never stored twice.
/// `watcher.poll()` → `[]` (first look), then `[FileResult(status: .added, ...)]` once a new note is stable.
final class Watcher {
    /// What identifies one saved state of a file.
    struct Stamp: Equatable {
        var size: Int
        var modified: Date
        var inode: Int
    }

    let roots: [String]
    let journal: Journal
    let ingester: Ingester
    private var seen: [String: Stamp] = [:]
    private var ingested: [String: Stamp] = [:]

    init(roots: [String], journal: Journal, ingester: Ingester) {
        self.roots = roots
        self.journal = journal
        self.ingester = ingester
    }

    /// One look at the folders: ingests the notes that were stable since the previous poll and not yet ingested
    /// in that state, and returns what happened to them (empty when nothing was ready).
    func poll() throws -> [Ingester.FileResult] {
        let now = scan()
        let ready = now.filter { seen[$0.key] == $0.value && ingested[$0.key] != $0.value }.keys.sorted()
        seen = now
        guard !ready.isEmpty else { return [] }
        let lock = try JournalLock(journal) {}
        defer { withExtendedLifetime(lock) {} }
        let report = try ingester.ingest(InputReader.lazily(ready, isLossy: false), isDryRun: false)
        for path in ready { ingested[path] = now[path] }
        return report.files
    }

    /// Every note under the roots (a root may also be a single file) with its current stamp.
    func scan() -> [String: Stamp] {
        let journalRoot = URL(fileURLWithPath: journal.path).standardizedFileURL.path + "/"
        var out: [String: Stamp] = [:]
        for root in roots {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue ? InputPaths.notes(under: root) : [root]
            for file in files where !Self.isIgnored((file as NSString).lastPathComponent) {
                if URL(fileURLWithPath: file).standardizedFileURL.path.hasPrefix(journalRoot) { continue }
                if let stamp = Self.stamp(file) { out[file] = stamp }
            }
        }
        return out
    }

    /// Editors' temporary and backup files, and anything that is not a Markdown note.
    static func isIgnored(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name == "4913" { return true }
        let lower = name.lowercased()
        return !(lower.hasSuffix(".md") || lower.hasSuffix(".markdown"))
    }

    static func stamp(_ path: String) -> Stamp? {
        guard let a = try? FileManager.default.attributesOfItem(atPath: path),
              (a[.type] as? FileAttributeType) == .typeRegular else { return nil }
        return Stamp(size: (a[.size] as? NSNumber)?.intValue ?? 0,
                     modified: a[.modificationDate] as? Date ?? .distantPast,
                     inode: (a[.systemFileNumber] as? NSNumber)?.intValue ?? 0)
    }
}
