import Foundation
import Synchronization
import Testing
import InsightsCore
@testable import InsightsSite

/// A build reads its sessions from a `SiteSessions` source a batch at a time, and never holds them all: the
/// site it builds is the one held notes build, and a session that goes mid-build fails it cleanly.
@Suite("Site sessions source")
struct SiteSessionsTests {
    /// The corpus notes behind a source that records what it is asked, and can lose a session after a number of
    /// reads.
    final class RecordingSource: SiteSessions {
        struct Log { var reads = 0; var largest = 0; var parts: Set<String> = []; var wholeReads: [Int] = [] }
        let byID: [String: SiteNote]
        let log = Mutex(Log())
        let losing: String?
        let losesAfter: Int

        init(_ notes: [SiteNote], losing: String? = nil, after reads: Int = 0) {
            byID = Dictionary(notes.map { ($0.session.id, $0) }, uniquingKeysWith: { a, _ in a })
            self.losing = losing; losesAfter = reads
        }

        func ids() -> [String] { byID.keys.sorted() }

        func notes(_ ids: [String]) -> [SiteNote] { read(ids, part: nil) }

        func notes(_ ids: [String], only part: SessionPart) -> [SiteNote] {
            // Only what was asked for, as the index gives it.
            read(ids, part: part).map { note in
                var s = Session(id: note.session.id, title: note.session.title, date: note.session.date)
                if part == .findings { s.findings = note.session.findings } else { s.friction = note.session.friction }
                return SiteNote(session: s, markdown: "")
            }
        }

        private func read(_ ids: [String], part: SessionPart?) -> [SiteNote] {
            let reads = log.withLock { log in
                log.reads += 1; log.largest = max(log.largest, ids.count)
                if let part { log.parts.insert("\(part)") } else { log.wholeReads.append(ids.count) }
                return log.reads
            }
            return ids.compactMap { id in reads > losesAfter && id == losing ? nil : byID[id] }
        }
    }

    /// More sessions than one batch: the corpus notes, each also under a second id.
    static func notes() throws -> [SiteNote] {
        let corpus = try SiteFixtures.corpusInput().notes
        var notes: [SiteNote] = []
        for copy in 0..<60 {
            for note in corpus {
                var s = note.session
                s.id += "-\(copy)"
                notes.append(SiteNote(session: s, markdown: note.markdown))
            }
        }
        return notes
    }

    @Test("the site read from a source a batch at a time is the site of the same notes held")
    func sameSite() throws {
        let notes = try Self.notes()
        #expect(notes.count > NoteCursor.batch)
        let source = RecordingSource(notes)
        let a = try SiteFixtures.tempFolder("held"), b = try SiteFixtures.tempFolder("source")
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        _ = try SiteBuilder().build(SiteInput(notes: notes), to: a)
        _ = try SiteBuilder().build(SiteInput(sessions: source), to: b)
        let fa = try SiteFixtures.files(a), fb = try SiteFixtures.files(b)
        #expect(fa.count > notes.count && fa.keys.sorted() == fb.keys.sorted())
        for (path, data) in fa where fb[path] != data { Issue.record("\(path) differs") }
        let log = source.log.withLock { $0 }
        #expect(log.largest <= NoteCursor.batch, "never more than a batch at a time")
        #expect(log.parts == ["findings", "friction"], "the findings and friction pages read only their part")
        // Plan, search index, findings, friction and the session pages each read every session once.
        #expect(log.reads >= 5 * (notes.count / NoteCursor.batch))
    }

    @Test("an incremental build reads back only the sessions whose pages it rewrites, for those pages")
    func incremental() throws {
        var notes = try Self.notes()
        let out = try SiteFixtures.tempFolder("incremental")
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try SiteBuilder().build(SiteInput(sessions: RecordingSource(notes)), to: out)
        // One note's text changes: its page, and the pages that list everything, are rewritten.
        notes[5].markdown += "\n\nOne more line.\n"
        let source = RecordingSource(notes)
        let report = try SiteBuilder().build(SiteInput(sessions: source), to: out)
        #expect(report.written.filter { $0.hasPrefix("sessions/") }.count == 1)
        let batches = (notes.count + NoteCursor.batch - 1) / NoteCursor.batch
        // The plan and the search index read every session in batches; the one page, its session alone.
        #expect(source.log.withLock { $0.wholeReads }.filter { $0 == 1 }.count == 1)
        #expect(source.log.withLock { $0.wholeReads }.count == 2 * batches + 1)
    }

    @Test("a session that goes from the source mid-build fails the build, naming it, and leaves the old site")
    func sessionGone() throws {
        let notes = try Self.notes()
        let out = try SiteFixtures.tempFolder("gone")
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try SiteBuilder().build(SiteInput(notes: notes), to: out)
        let before = try SiteFixtures.files(out)
        let gone = notes[3].session.id
        // Planned with every session (the first reads), gone when the pages read it back.
        let batches = (notes.count + NoteCursor.batch - 1) / NoteCursor.batch
        let source = RecordingSource(notes, losing: gone, after: batches)
        #expect {
            _ = try SiteBuilder(options: SiteOptions(title: "Other")).build(SiteInput(sessions: source), to: out)
        } throws: { error in
            "\(error)".contains("session \(gone) went from the index while the site was built")
        }
        #expect(try SiteFixtures.files(out) == before)
    }
}
