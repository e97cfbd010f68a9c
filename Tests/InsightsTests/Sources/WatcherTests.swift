import Foundation
import Testing
import InsightsCore
import InsightsStore
@testable import InsightsCLI

/// `insights watch`, driven poll by poll: a note is ingested once it is stable, edits and rename-on-save
/// update it, editors' temporary files are ignored, and nothing is ingested twice.
@Suite("Watch")
struct WatcherTests {
    func note(_ task: String, done: Bool = false) -> String {
        "# Upload fixes — 2026-03-02\n\n## Next Steps\n- [\(done ? "x" : " ")] \(task)\n"
    }

    /// Sets a file's modification time, so a test need not sleep for the clock to move.
    func touch(_ path: String, _ seconds: TimeInterval) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: path)
    }

    @Test("a new note waits one poll, then is ingested once; an edit updates it; swap and backup files are ignored")
    func newEditedIgnored() throws {
        let dir = try TempDir()
        let journal = Journal(path: dir.path + "/j")
        let watcher = Watcher(roots: [dir.path + "/notes"], journal: journal,
                              ingester: Ingester(journal: journal, vocabulary: .default, today: "2026-11-25"))
        try FileManager.default.createDirectory(atPath: dir.path + "/notes", withIntermediateDirectories: true)
        #expect(try watcher.poll().isEmpty)

        let path = try dir.write("notes/upload.md", note("Add retry logic"))
        try dir.write("notes/.upload.md.swp", Data([0, 1, 2, 3]))
        try dir.write("notes/upload.md~", "old")
        try dir.write("notes/4913", "")
        #expect(try watcher.poll().isEmpty, "first seen: not yet known to be complete")
        let added = try watcher.poll()
        #expect(added.map(\.status) == [.added])
        #expect(added.map(\.id) == ["2026-03-02-upload-fixes"])
        #expect(added.map(\.path) == [path], "only the note, never the swap, backup or 4913 probe file")
        #expect(try watcher.poll().isEmpty, "a stable, ingested file is not read again")

        // Half-written: the size changes between polls, so it waits until it settles.
        try dir.write("notes/upload.md", note("Add retry"))
        try touch(path, 1_000)
        #expect(try watcher.poll().isEmpty)
        try dir.write("notes/upload.md", note("Add retry logic", done: true))
        try touch(path, 2_000)
        #expect(try watcher.poll().isEmpty, "changed since the previous poll: wait")
        let updated = try watcher.poll()
        #expect(updated.map(\.status) == [.updated])
        let index = try journal.openIndex(readOnly: true)
        #expect(try index.counts().sessions == 1)
        #expect(try index.session(id: "2026-03-02-upload-fixes")?.completed.map(\.title) == ["Add retry logic"])
    }

    @Test("rename-on-save (a new file moved over the note) is one change; identical bytes are a no-op")
    func renameOnSave() throws {
        let dir = try TempDir()
        let journal = Journal(path: dir.path + "/j")
        let watcher = Watcher(roots: [dir.path + "/notes"], journal: journal,
                              ingester: Ingester(journal: journal, vocabulary: .default, today: "2026-11-25"))
        let path = try dir.write("notes/upload.md", note("Add retry logic"))
        _ = try watcher.poll()
        #expect(try watcher.poll().map(\.status) == [.added])

        // The editor writes the same text to a temporary file and renames it over the note: new inode.
        let temp = try dir.write("notes/.upload.md.tmp", note("Add retry logic"))
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: temp, toPath: path)
        try touch(path, 3_000)
        #expect(try watcher.poll().isEmpty)
        #expect(try watcher.poll().map(\.status) == [.unchanged], "same bytes: the hash check makes it a no-op")
        #expect(try journal.openIndex(readOnly: true).counts().sessions == 1)
        #expect(Watcher.isIgnored(".upload.md.swp") && Watcher.isIgnored("upload.md~") && Watcher.isIgnored("4913")
                && Watcher.isIgnored("#upload.md#") && !Watcher.isIgnored("upload.md"))
    }
}
