import Foundation
import Testing
import InsightsCore
import InsightsMarkdown

/// Sessions for task tests: the shipped journal (ids as `insights reindex` gives them) and corpus series.
enum TaskFixtures {
    /// The shipped journal's notes, oldest first, with their journal ids (`N1` = index 0).
    static func journal() throws -> [Session] {
        let folder = Corpus.repo.appendingPathComponent("journal")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        return try files.map { file in
            var s = NoteParser().session(from: try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8), fileName: file)
            s.id = String(file.dropLast(3))
            return s
        }
    }

    /// Every note of a corpus series folder (e.g. `notes/cosmo-smoke`), ids from file names.
    static func series(_ folder: String) throws -> [Session] {
        let root = try #require(Corpus.root).appendingPathComponent(folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".md") }.sorted()
        return try files.map { file in
            var s = try Corpus.session(folder + "/" + file)
            s.id = String(file.dropLast(3))
            return s
        }
    }
}
