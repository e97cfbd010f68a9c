import Foundation
import InsightsCore
import InsightsStore

/// Where a note goes in the journal: its id, its journal file, and whether it is an edit of a stored note.
extension Ingester {
    /// Whether `text` is an edit of the stored session's note rather than another note that happens to share
    /// its title and date ("SESSION 20251018 CHANGE LOG" heads two different notes): at least half of the
    /// shorter note's distinct non-blank lines appear in the other.
    func isSameNote(_ key: SessionKey, as text: String) -> Bool {
        guard key.entryStart == nil, let data = try? journal.read(key.file) else { return false }
        func lines(_ s: String) -> Set<Substring> {
            Set(s.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).filter { !$0.allSatisfy(\.isWhitespace) })
        }
        let old = lines(String(decoding: data, as: UTF8.self)), new = lines(text)
        guard !old.isEmpty, !new.isEmpty else { return false }
        return Double(old.intersection(new).count) / Double(min(old.count, new.count)) >= 0.5
    }

    /// The file's path relative to the journal folder (`root`, resolved, with a trailing slash) when it lives
    /// inside it, else nil.
    func journalRelativePath(of path: String, root: String, folders: inout [String: String]) -> String? {
        guard path != "-" else { return nil }
        let file = FilePaths.resolved(path, folders: &folders) ?? FilePaths.standardized(path)
        return file.hasPrefix(root) ? String(file.dropFirst(root.count)) : nil
    }

    /// The id of a note that lives in the journal: its path without extension, folders joined by `-`.
    static func id(forJournalFile file: String) -> String {
        var name = file
        for ext in [".markdown", ".md"] where name.lowercased().hasSuffix(ext) { name = String(name.dropLast(ext.count)) }
        return String(name.map { $0 == "/" ? "-" : $0 })
    }

    /// An id no indexed session has and no journal file is named after, unless that file holds exactly `data`:
    /// a note an ingest wrote before it was killed (notes go to the journal before the index commits), which
    /// is reused rather than copied again under `-2`.
    func uniqueID(_ id: String, taken: SessionKeys, in folder: FolderNames, data: Data) -> String {
        var candidate = id
        var n = 2
        while taken.withID(candidate) != nil || taken.withFile(candidate + ".md") != nil
                || (folder.contains(candidate + ".md") && (try? journal.read(candidate + ".md")) != data) {
            candidate = "\(id)-\(n)"; n += 1
        }
        return candidate
    }
}

/// Whether a file is in the journal folder, from its names read once when first asked: a look-up per new
/// note waited on the folder while the journal's writer was creating files in it. Files this ingest writes
/// are known by their keys. Names are compared lowercased, and a match is confirmed on disk, so a file system
/// that ignores case still sees `Foo.md` when asked for `foo.md`.
final class FolderNames {
    private let journal: Journal
    private var names: Set<String>?

    init(_ journal: Journal) { self.journal = journal }

    func contains(_ name: String) -> Bool {
        if names == nil { names = Set(((try? FileManager.default.contentsOfDirectory(atPath: journal.path)) ?? []).map { $0.lowercased() }) }
        return names?.contains(name.lowercased()) == true && journal.exists(name)
    }
}
