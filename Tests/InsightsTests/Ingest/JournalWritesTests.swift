import Foundation
import Testing
@testable import InsightsStore

/// Notes staged by the journal's background writer appear only at `finish`, in the order added, and a writer
/// that fails or is dropped leaves no file behind.
@Suite("Journal writes")
struct JournalWritesTests {
    /// The journal's own files, and what is left in its staging folder.
    func names(_ path: String) throws -> [String] {
        let fm = FileManager.default
        let staged = (try? fm.contentsOfDirectory(atPath: path + "/.insights/staging")) ?? []
        return try fm.contentsOfDirectory(atPath: path).filter { $0 != ".insights" }.sorted() + staged.map { "staging/" + $0 }
    }

    @Test("nothing is in place before finish; after it every file, the last of one name winning; no temporary file left")
    func finish() throws {
        let dir = try TempDir()
        let journal = Journal(path: dir.path)
        let writes = journal.backgroundWrites()
        writes.add([(Data("a1".utf8), "a.md"), (Data("b".utf8), "b.md")])
        writes.add([(Data("a2".utf8), "a.md")])
        writes.add([])
        // Staged, not in place: only temporary files in the staging folder so far (once the writer has run).
        Thread.sleep(forTimeInterval: 0.2)
        #expect(try names(dir.path).allSatisfy { $0.hasPrefix("staging/.") })
        try writes.finish()
        #expect(try names(dir.path) == ["a.md", "b.md"])
        #expect(try String(contentsOfFile: dir.path + "/a.md", encoding: .utf8) == "a2")
        try writes.finish()  // nothing more to do
    }

    @Test("a write that fails is thrown at finish and nothing is put in place; a dropped writer removes what it staged")
    func failures() throws {
        let dir = try TempDir()
        let journal = Journal(path: dir.path)
        let writes = journal.backgroundWrites()
        writes.add([(Data("ok".utf8), "ok.md")])
        // A name longer than the file system takes fails when it is staged.
        writes.add([(Data("no".utf8), String(repeating: "n", count: 300) + ".md")])
        writes.add([(Data("later".utf8), "later.md")])
        #expect(throws: StoreError.self) { try writes.finish() }
        #expect(try names(dir.path).isEmpty)

        do {
            let dropped = journal.backgroundWrites()
            dropped.add([(Data("gone".utf8), "gone.md")])
        }
        #expect(try names(dir.path).isEmpty)
        // What a killed ingest left staged is removed by the next writer.
        try Data("left".utf8).write(to: URL(fileURLWithPath: dir.path + "/.insights/staging/.x.md.tmp-1-2"))
        _ = journal.backgroundWrites()
        #expect(try names(dir.path).isEmpty)
    }
}
