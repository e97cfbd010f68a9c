import Foundation
import Testing
import InsightsCore
import InsightsStore
@testable import InsightsCLI

/// `ingest --git-history`: every committed version of a rolling note is a session dated by its commit, and the
/// work left in early versions is closed by later ones.
@Suite("Git history")
struct GitHistoryTests {
    /// Runs git in `dir` with a fixed identity and the given committer date.
    @discardableResult
    static func git(_ dir: String, _ args: [String], date: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", dir] + args
        var env = ProcessInfo.processInfo.environment
        if let date { env["GIT_COMMITTER_DATE"] = date + "T12:00:00+00:00"; env["GIT_AUTHOR_DATE"] = date + "T12:00:00+00:00" }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(args.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }

    /// The rolling note's three versions: the first leaves two tasks, the second does one, the third the other.
    static let versions: [(date: String, text: String)] = [
        ("2026-03-02", """
            # Last session

            ## Completed
            - [x] Set up the CI pipeline

            ## Next Steps
            - [ ] Add retry logic to the upload client
            - [ ] Write the migration guide for v2
            """),
        ("2026-03-05", """
            # Last session

            ## Completed
            - [x] Add retry logic to the upload client

            ## Next Steps
            - [ ] Write the migration guide for v2
            """),
        ("2026-03-09", """
            # Last session

            ## Completed
            - [x] Write the migration guide for v2

            ## Next Steps
            - [ ] Announce the v2 release
            """),
    ]

    func makeRepo(_ dir: TempDir) throws -> String {
        let repo = dir.path + "/repo"
        try FileManager.default.createDirectory(atPath: repo + "/docs", withIntermediateDirectories: true)
        try Self.git(repo, ["init", "-q"])
        try Self.git(repo, ["config", "user.name", "Test"])
        try Self.git(repo, ["config", "user.email", "test@example.com"])
        try Self.git(repo, ["config", "commit.gpgsign", "false"])
        for (n, version) in Self.versions.enumerated() {
            try dir.write("repo/docs/LAST_SESSION.md", version.text)
            try dir.write("repo/other.txt", "\(n)")
            try Self.git(repo, ["add", "-A"])
            try Self.git(repo, ["commit", "-q", "-m", "session \(n + 1)"], date: version.date)
        }
        // A commit that does not touch the note is not a version of it.
        try dir.write("repo/other.txt", "unrelated")
        try Self.git(repo, ["commit", "-q", "-am", "unrelated"], date: "2026-03-10")
        return repo + "/docs/LAST_SESSION.md"
    }

    @Test("every committed version is a session dated by its commit, and later versions close earlier tasks")
    func rollingNote() async throws {
        let dir = try TempDir()
        let note = try makeRepo(dir)
        let j = dir.path + "/j"
        #expect(await CLI.run(["ingest", "--journal", j, "--git-history", note]) == 0)
        let index = try Journal(path: j).openIndex(readOnly: true)
        let sessions = try index.sessions()
        #expect(sessions.map(\.id) == ["2026-03-09-last-session", "2026-03-05-last-session", "2026-03-02-last-session"])
        #expect(sessions.map(\.dateSource) == ["commit", "commit", "commit"])
        #expect(sessions.allSatisfy { $0.source.hasPrefix(URL(fileURLWithPath: note).standardizedFileURL.path + "@") })
        #expect(dir.files(in: "j").filter { $0.hasSuffix(".md") }
                == ["2026-03-02-last-session.md", "2026-03-05-last-session.md", "2026-03-09-last-session.md"])
        #expect(try String(contentsOfFile: j + "/2026-03-02-last-session.md", encoding: .utf8) == Self.versions[0].text)

        let tasks = try index.tasks()
        let retry = try #require(tasks.first { $0.title.contains("retry logic") })
        #expect(retry.status == .done)
        #expect(retry.firstSeen == "2026-03-02")
        #expect(retry.resolvedIn == "2026-03-05-last-session")
        let guide = try #require(tasks.first { $0.title.contains("migration guide") })
        #expect(guide.status == .done)
        #expect(guide.resolvedIn == "2026-03-09-last-session")
        #expect(guide.mentions.count == 3, "open on Mar 2 and Mar 5, done on Mar 9")
        let announce = try #require(tasks.first { $0.title.contains("Announce") })
        #expect(announce.status == .open)

        // Idempotent by blob: a second run changes nothing; a new commit adds one session.
        #expect(await CLI.run(["ingest", "--journal", j, "--git-history", note]) == 0)
        #expect(try index.counts().sessions == 3)
        try dir.write("repo/docs/LAST_SESSION.md", "# Last session\n\n## Completed\n- [x] Announce the v2 release\n")
        try Self.git(dir.path + "/repo", ["commit", "-q", "-am", "session 4"], date: "2026-03-12")
        #expect(await CLI.run(["ingest", "--journal", j, "--git-history", note]) == 0)
        #expect(try index.counts().sessions == 4)
        #expect(try index.tasks().first { $0.title.contains("Announce") }?.status == .done)

        // Reindex reads each version whole and dates it by its file name: the same sessions.
        #expect(await CLI.run(["reindex", "--journal", j]) == 0)
        let again = try Journal(path: j).openIndex(readOnly: true)
        #expect(try again.sessions().map(\.id) == ["2026-03-12-last-session"] + sessions.map(\.id))
        #expect(try again.tasks().filter { $0.status == .done }.count == 3)
    }

    @Test("a version with a date of its own keeps it; the commit dates only undated versions")
    func noteDateWins() throws {
        let dir = try TempDir()
        let repo = dir.path + "/repo"
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        try Self.git(repo, ["init", "-q"])
        try Self.git(repo, ["config", "user.name", "Test"])
        try Self.git(repo, ["config", "user.email", "test@example.com"])
        try dir.write("repo/HANDOFF.md", "# Handoff — 2026-02-27\n\n## TODO\n- [ ] one\n")
        try Self.git(repo, ["add", "-A"])
        try Self.git(repo, ["commit", "-q", "-m", "x"], date: "2026-03-01")
        let versions = try GitHistory.versions(of: repo + "/HANDOFF.md")
        #expect(versions.map(\.date) == ["2026-03-01"])
        let report = try Ingester(journal: Journal(path: dir.path + "/j"), vocabulary: .default)
            .ingest(versions: versions, of: repo + "/HANDOFF.md", isDryRun: false)
        #expect(report.files.map(\.id) == ["2026-02-27-handoff"])
    }

    @Test("a file outside any git repository fails with exit code 1")
    func notARepository() async throws {
        let dir = try TempDir()
        let note = try dir.write("plain/LAST_SESSION.md", "# Last session\n")
        #expect(throws: CLIError.self) { try GitHistory.versions(of: note) }
        #expect(await CLI.run(["ingest", "--journal", dir.path + "/j", "--git-history", note]) == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/j/.insights/index.sqlite"))
    }
}
