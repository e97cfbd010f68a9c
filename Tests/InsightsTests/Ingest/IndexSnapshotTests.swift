import Foundation
import Testing
import InsightsCore
@testable import InsightsStore

/// A snapshot of the index reads one content throughout, while an ingest commits beside it; sessions read by id
/// (whole or one part) are the sessions the index holds.
@Suite("Index snapshot and reads by id", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct IndexSnapshotTests {
    @Test("a snapshot keeps what it saw while another note is ingested; the index itself sees the new one")
    func snapshot() throws {
        let (dir, journal) = try AgentFixtures.corpusJournal()
        defer { withExtendedLifetime(dir) {} }
        let index = try journal.openIndex(readOnly: true)
        let snapshot = try index.snapshot()
        let before = try snapshot.sessionIDs().sorted()
        let generation = try snapshot.generation()
        let added = try AgentFixtures.run(["ingest", "--journal", journal.path, try Corpus.path("notes/ggltcg/SESSION_NOTES_2025-11-21.md")])
        #expect(added.status == 0)
        #expect(try snapshot.sessionIDs().sorted() == before)
        #expect(try snapshot.sessions().count == before.count)
        #expect(try snapshot.generation() == generation)
        #expect(try journal.openIndex(readOnly: true).sessionIDs().count == before.count + 1)
        #expect(try journal.openIndex(readOnly: true).generation() != generation)
    }

    @Test("a pair of snapshots is one content on two connections, read at once, kept while a note is ingested")
    func snapshotPair() throws {
        let (dir, journal) = try AgentFixtures.corpusJournal()
        defer { withExtendedLifetime(dir) {} }
        let (first, second) = try journal.openIndex(readOnly: true).snapshots()
        #expect(first !== second)
        #expect(try first.generation() != nil && first.generation() == second.generation())
        let tasks = try first.tasks(), failures = try first.failures()
        let added = try AgentFixtures.run(["ingest", "--journal", journal.path, try Corpus.path("notes/ggltcg/SESSION_NOTES_2025-11-21.md")])
        #expect(added.status == 0)
        // Read on both connections at the same time, after the commit: both still see the content before it.
        let other = Background { (try second.tasks(), try second.failures()) }
        let sessions = try first.sessions()
        let (otherTasks, otherFailures) = try other.value()
        #expect(otherTasks == tasks && otherFailures == failures)
        #expect(sessions.count == (try second.sessionIDs().count))
        #expect(try journal.openIndex(readOnly: true).sessionIDs().count == sessions.count + 1)
    }

    @Test("sessions read by id, whole or only their findings or friction, are the index's sessions")
    func byID() throws {
        let (dir, journal) = try AgentFixtures.corpusJournal(SiteFixtures.corpusNotes)
        defer { withExtendedLifetime(dir) {} }
        let index = try journal.openIndex(readOnly: true)
        let all = try index.sessions()
        let ids = all.map(\.id).reversed() + ["no-such-session"]
        let whole = try index.sessions(ids: Array(ids))
        #expect(whole.count == all.count)
        let byID = Dictionary(uniqueKeysWithValues: whole.map { ($0.session.id, $0) })
        for s in all {
            #expect(byID[s.id]?.session == s)
            #expect(byID[s.id]?.file.hasSuffix(".md") == true)
        }
        let findings = try index.sessions(ids: Array(ids), only: .findings), friction = try index.sessions(ids: Array(ids), only: .friction)
        #expect(findings.count == all.count && friction.count == all.count)
        #expect(all.contains { !$0.findings.isEmpty } && all.contains { !$0.friction.isEmpty })
        for s in all {
            let f = try #require(findings.first { $0.session.id == s.id }).session
            let r = try #require(friction.first { $0.session.id == s.id }).session
            #expect(f.findings == s.findings && f.title == s.title && f.date == s.date && f.friction.isEmpty)
            #expect(r.friction == s.friction && r.title == s.title && r.findings.isEmpty && r.remaining.isEmpty)
        }
    }
}
