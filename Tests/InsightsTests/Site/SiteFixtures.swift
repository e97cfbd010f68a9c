import Foundation
import Testing
import InsightsCore
import InsightsMarkdown
import InsightsSite

/// Inputs and helpers shared by the site tests: notes from the corpus and the shipped journal, temp folders.
enum SiteFixtures {
    /// Corpus notes the site tests build from (beside the reference note).
    static let corpusNotes = [
        Corpus.seed,
        "notes/tickdatapipeline/session_20251003_1430_foundation_core_types.md",
        "notes/tickdatapipeline/session_20251009_0900_cpm_design.md",
        "notes/ggltcg/SESSION_NOTES_2025-11-20.md",
        "notes/ggltcg/RETROSPECTIVE.md",
        "notes/cosmo-smoke/Session-2026-04-22-LDAP-Auth-and-Summaries.md",
    ]

    static func note(_ text: String, fileName: String) -> SiteNote {
        SiteNote(session: NoteParser().session(from: text, fileName: fileName), markdown: text)
    }

    static func corpusInput() throws -> SiteInput {
        SiteInput(notes: try corpusNotes.map { note(try Corpus.text($0), fileName: ($0 as NSString).lastPathComponent) })
    }

    /// The shipped example journal (`journal/`), parsed.
    static func journalInput() throws -> SiteInput {
        let folder = Corpus.repo.appendingPathComponent("journal")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        return SiteInput(notes: try files.map { note(try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8), fileName: $0) })
    }

    /// A fresh empty folder under this test process's folder in the system temp folder. The sites the tests
    /// build stay there for inspecting until the next test run, which removes the folders of runs that ended.
    static func tempFolder(_ name: String) throws -> String {
        let path = runFolder + "/\(name)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `insights-site-tests-PID` in the temp folder, made once per process after removing those of processes
    /// that are gone.
    private static let runFolder: String = {
        let fm = FileManager.default
        let prefix = "insights-site-tests-"
        for name in (try? fm.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? fm.removeItem(atPath: NSTemporaryDirectory() + name)
        }
        return NSTemporaryDirectory() + prefix + String(getpid())
    }()

    static func read(_ folder: String, _ file: String) throws -> String {
        try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
    }

    /// Every file under `folder` (relative paths, sorted) with its bytes.
    static func files(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder)
        while let item = walker?.nextObject() as? String {
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder + "/" + item, isDirectory: &isDir)
            if exists && !isDir.boolValue { out[item] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + item)) }
        }
        return out
    }
}

/// Checks that every local `href`/`src` of every HTML page resolves to a file, and every `#anchor` to an id.
enum LinkChecker {
    static func brokenLinks(in folder: String) throws -> [String] {
        let files = try SiteFixtures.files(folder)
        var ids: [String: Set<String>] = [:]
        for (path, data) in files where path.hasSuffix(".html") {
            ids[path] = Set(matches(#"\sid="([^"]*)""#, in: String(decoding: data, as: UTF8.self)))
        }
        var broken: [String] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for link in matches(#"\s(?:href|src)="([^"]*)""#, in: html) {
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                var target = path
                if !parts[0].isEmpty {
                    let base = (path as NSString).deletingLastPathComponent
                    let file = parts[0].split(separator: "?").first.map(String.init) ?? parts[0]
                    var stack: [Substring] = []
                    for part in (base.isEmpty ? file : base + "/" + file).split(separator: "/") {
                        if part == ".." { _ = stack.popLast() } else if part != "." { stack.append(part) }
                    }
                    target = stack.joined(separator: "/")
                }
                guard files[target] != nil else { broken.append("\(path): \(link) (no file \(target))"); continue }
                if parts.count == 2, !parts[1].isEmpty, !(ids[target]?.contains(parts[1]) ?? false) {
                    broken.append("\(path): \(link) (no id \(parts[1]) in \(target))")
                }
            }
        }
        return broken
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return [] }
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
