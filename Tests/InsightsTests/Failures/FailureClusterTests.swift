import Foundation
import Testing
@testable import InsightsCore
import InsightsMarkdown

/// The shipped journal's failure threads (JOURNAL-STORY.md, "Failure threads").
@Suite("Failure clusters of the shipped journal")
struct JournalFailureTests {
    let clusters: [FailureCluster]

    init() throws {
        let folder = Corpus.repo.appendingPathComponent("journal")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        let sessions = try files.map { file in
            var s = NoteParser().session(from: try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8), fileName: file)
            s.id = String(file.dropLast(3))
            return s
        }
        clusters = FailureClusterer().clusters(sessions)
    }

    /// The cluster holding the occurrence at `session` (journal file name without `.md`, date-prefixed) + line.
    func cluster(_ session: String, _ line: Int) throws -> FailureCluster {
        try #require(clusters.first { c in c.occurrences.contains { $0.session.hasPrefix(session) && $0.line == line } },
                     "no cluster holds \(session):\(line)")
    }

    func holds(_ c: FailureCluster, _ session: String, _ line: Int) -> Bool {
        c.occurrences.contains { $0.session.hasPrefix(session) && $0.line == line }
    }

    @Test("F1 schema changed outside dbmate: four sessions, recurred after the fix written on 09-03")
    func schemaDrift() throws {
        let f1 = try cluster("2026-09-03", 14)
        #expect(f1.status == .recurredAfterFix)
        #expect(f1.sessions == 4)
        #expect(holds(f1, "2026-09-10", 14) && holds(f1, "2026-10-06", 44) && holds(f1, "2026-10-20", 21))
        #expect(f1.fixes.last?.date == "2026-09-03")
        #expect(f1.id == "F-" + SHA256.hex(Array("2026-09-03-session-insightsMigration History Drifted From the Real Schema".utf8)).prefix(6))
    }

    @Test("F2 pushing without the tests: recurred after the 09-03 fix, through 09-15, 09-29, 10-13 and 10-20")
    func pushedWithoutTests() throws {
        let f2 = try cluster("2026-09-03", 83)
        #expect(f2.status == .recurredAfterFix)
        for (s, l) in [("2026-09-03", 111), ("2026-09-15", 16), ("2026-09-29", 62), ("2026-09-29", 83), ("2026-10-13", 17), ("2026-10-20", 25)] {
            #expect(holds(f2, s, l), "F2 misses \(s):\(l)")
        }
        #expect(f2.id != (try cluster("2026-09-03", 14)).id)
    }

    @Test("F3 time-zone flaky CI: fixed on 09-29, not since; F4 webhook retries lost: recurring")
    func fixedAndRecurring() throws {
        let f3 = try cluster("2026-09-29", 8)
        #expect(holds(f3, "2026-09-15", 20) && holds(f3, "2026-09-29", 84))
        #expect(f3.status == .fixed)
        let f4 = try cluster("2026-10-06", 49)
        #expect(holds(f4, "2026-10-20", 27))
        #expect(f4.status == .recurring)
        #expect(Set([f3.id, f4.id, try cluster("2026-09-03", 83).id, try cluster("2026-09-03", 14).id]).count == 4)
    }

    @Test("recurring ones come first, most sessions first")
    func order() {
        let recurring = clusters.prefix { $0.sessions >= 2 }
        #expect(recurring.count >= 4)
        #expect(recurring.map(\.sessions) == recurring.map(\.sessions).sorted(by: >))
        #expect(clusters.dropFirst(recurring.count).allSatisfy { $0.sessions == 1 })
    }

    @Test("the story's singletons stay single", arguments: [
        ("2026-09-03", 68), ("2026-09-03", 96), ("2026-09-15", 24), ("2026-09-29", 72), ("2026-09-29", 127),
        ("2026-10-01", 29), ("2026-10-01", 34), ("2026-10-06", 52), ("2026-10-06", 53), ("2026-10-13", 21),
        ("2026-10-15", 9), ("2026-10-15", 12), ("2026-10-08", 15), ("2026-10-08", 19),
    ])
    func singletons(session: String, line: Int) throws {
        let c = try cluster(session, line)
        #expect(c.sessions == 1, "\(session):\(line) was pulled into \(c.title)")
    }
}

@Suite("Failure clusters of the reference note", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct SeedFailureTests {
    @Test("the coordinator-did-the-work failure is one cluster of several occurrences; no cluster holds two findings")
    func delegation() throws {
        let clusters = FailureClusterer().clusters([try Corpus.session(Corpus.seed)])
        let delegation = try #require(clusters.first { c in c.occurrences.contains { $0.line == 83 } })
        #expect(delegation.title == "Orchestrator Executed Instead of Delegating")
        #expect(delegation.occurrences.count >= 3)
        #expect(delegation.occurrences.contains { $0.line == 206 && $0.kind == "takeaway" })
        #expect(delegation.sessions == 1 && delegation.status == .fixed)
        #expect(delegation.fixes.map(\.text) == ["Document blocker, create Archon task, escalate to user",
                                                  "Document finding, create Archon task for investigation",
                                                  "Should have been caught by VEST in isolated session"])
        for c in clusters {
            #expect(c.occurrences.filter { $0.kind == "finding" }.count <= 1, "\(c.title) mixes findings: \(c.occurrences.map(\.title))")
        }
        // Each friction row sits with the finding it restates.
        let migration = try #require(clusters.first { c in c.occurrences.contains { $0.line == 16 } })
        #expect(migration.occurrences.map(\.line) == [16, 121])
        #expect(migration.status == .fixed)
        #expect(migration.fixes.first?.text.contains("migration repair") == true)
    }

    @Test("stable: the same input gives the same ids")
    func stableIDs() throws {
        let s = try Corpus.session(Corpus.seed)
        #expect(FailureClusterer().clusters([s]).map(\.id) == FailureClusterer().clusters([s]).map(\.id))
    }
}

@Suite("Correct responses lent by a judged friction table")
struct ResponseLinkTests {
    static func note(header: String) -> String {
        """
        # Session 2026-03-02

        ## Findings

        ### 1. The coordinator rewrote the parser by hand

        **What happened**: Asked to delegate, I rewrote the parser by hand and patched the tests by hand.

        ### 2. The staging certificate expired

        **What happened**: TLS handshakes to staging failed all morning.

        ## Friction

        \(header)
        |---|---|---|
        | Flaky lint step | Patched it by hand | Open a task for the lint owner |
        | Staging deploy refused | Rewrote the deploy script by hand | Escalate to the platform team |
        """
    }

    @Test("My Response / Correct Response: the corrections become the matching finding's fixes")
    func lends() throws {
        let s = NoteParser().session(from: Self.note(header: "| Friction | My Response | Correct Response |"), fileName: "2026-03-02.md")
        let clusters = FailureClusterer().clusters([s])
        let coordinator = try #require(clusters.first { $0.title == "The coordinator rewrote the parser by hand" })
        #expect(coordinator.fixes.map(\.text) == ["Open a task for the lint owner", "Escalate to the platform team"])
        #expect(coordinator.status == .fixed)
        let certificate = try #require(clusters.first { $0.title == "The staging certificate expired" })
        #expect(certificate.fixes.isEmpty)
    }

    @Test("a table that only names fixes lends nothing: a finding keeps only the fixes of rows grouped with it")
    func plainFixColumn() throws {
        let s = NoteParser().session(from: Self.note(header: "| Friction | Impact | Fix |"), fileName: "2026-03-02.md")
        let coordinator = try #require(FailureClusterer().clusters([s]).first { $0.title == "The coordinator rewrote the parser by hand" })
        #expect(!coordinator.fixes.contains { $0.text == "Open a task for the lint owner" })
        #expect(coordinator.fixes.allSatisfy { f in coordinator.occurrences.contains { $0.line == f.line } })
    }
}

@Suite("Failure text tools")
struct FailureTextTests {
    @Test("dates mentioned", arguments: [
        ("Same as 2026-09-03 and 09-15.", "2026-09-29", ["2026-09-03", "2026-09-15"]),
        ("Same failure as on the 3rd: the schema", "2026-09-10", ["2026-09-03"]),
        ("since the 21st", "2026-10-06", ["2026-09-21"]),
        ("PR #148, 2026-13-45 is no date, v1-2 neither", "2026-09-29", []),
        ("THE 2nd time: breathe 4th, the3rd", "2026-09-10", ["2026-09-02"]),
        ("again on the\u{00A0}— 5th", "2026-09-10", ["2026-09-05"]),
        ("the build broke in the morning", "2026-09-10", []),
        // Digits of other scripts are no date and no day (the digit pre-check turns the text away).
        ("on the ３rd and the ٣rd, ２０２６-０９-０３", "2026-09-10", []),
    ])
    func mentions(text: String, date: String, expected: [String]) {
        #expect(DateMentions.find(in: text, year: String(date.prefix(4)), noteDate: date) == Set(expected))
    }

    @Test("a blocker section is not a priority heading")
    func blockers() {
        #expect(FailureCandidates.isBlockerSection("Blockers"))
        #expect(!FailureCandidates.isBlockerSection("P0 - Blockers"))
        #expect(!FailureCandidates.isBlockerSection("Open Items"))
    }
}

@Suite("Failure ids")
struct FailureIDTests {
    @Test("an id taken by two earlier clusters moves on to a third form instead of repeating (50,000 notes hit this)")
    func collisions() {
        let c = [FailureCandidate(session: "2026-01-02-s", date: "2026-01-02", kind: .finding, category: "problem",
                                  title: "Flaky deploy", text: "Flaky deploy", line: 7, titleText: "Flaky deploy", bodyText: "")]
        let v = TermVectors(c)
        let form0 = "F-" + SHA256.hex(Array("2026-01-02-sFlaky deploy".utf8)).prefix(6)
        let form1 = "F-" + SHA256.hex(Array("2026-01-02-s#7Flaky deploy".utf8)).prefix(6)
        var taken: Set<String> = []
        #expect(FailureGrouping.build([0], c, { _, _ in 0 }, v, taken: &taken).id == form0)
        #expect(FailureGrouping.build([0], c, { _, _ in 0 }, v, taken: &taken).id == form1)
        let third = FailureGrouping.build([0], c, { _, _ in 0 }, v, taken: &taken).id
        #expect(third != form0 && third != form1 && third.hasPrefix("F-") && third.count == 8)
        #expect(taken.count == 3)
    }
}

@Suite("Term vectors")
struct TermVectorTests {
    @Test("TF-IDF weights, title counted three times, L2-normalised; cosine, shared terms, blocking and coverage")
    func weights() throws {
        func candidate(_ n: Int, _ title: String, _ body: String) -> FailureCandidate {
            FailureCandidate(session: "s\(n)", date: "2026-01-0\(n)", kind: .finding, category: "problem", title: title,
                             text: title, line: 1, titleText: title, bodyText: body)
        }
        let v = TermVectors([candidate(1, "deploy pipeline", "cache"), candidate(2, "deploy", "pipeline pipeline")])
        // Terms in order of first use: deploy 0, pipeline 1, cache 2. Two candidates; deploy and pipeline are in
        // both (idf log 2), cache in one (log 3). Weight (1 + log tf) × idf, tf 3 for a title word.
        #expect(v.count == 2 && v.terms.count == 3 && v.df == [2, 2, 1])
        let a = (1 + log(3.0)) * log(2.0), b = (1 + log(2.0)) * log(2.0), c = log(3.0)
        let n0 = sqrt(a * a + a * a + c * c), n1 = sqrt(a * a + b * b)
        let v0 = v.vector(0), v1 = v.vector(1)
        #expect(v0.map(\.term) == [0, 1, 2] && v1.map(\.term) == [0, 1])
        for (got, want) in zip(v0.map(\.weight) + v1.map(\.weight), [a / n0, a / n0, c / n0, a / n1, b / n1]) {
            #expect(abs(got - want) < 1e-12)
        }
        let o = v.overlap(0, 1)
        #expect(o.shared == 2 && abs(o.cosine - (a * a + a * b) / (n0 * n1)) < 1e-12)
        #expect(abs(v.cosine(1, 1) - 1) < 1e-12)
        #expect(v.blockedPairs(cap: 30).map { [$0.0, $0.1] } == [[0, 1]])
        #expect(v.blockedPairs(cap: 1).isEmpty, "a term in more candidates than the cap finds no pairs")
        let cache = v.vector(of: "cache")
        #expect(cache.map(\.term) == [2] && abs(v.coverage(cache, by: 0) - 1) < 1e-12 && v.coverage(cache, by: 1) == 0)
    }
}
