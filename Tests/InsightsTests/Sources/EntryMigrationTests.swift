import Foundation
import GRDB
import Testing
import InsightsCore
@testable import InsightsStore

/// The `v2-session-entries` migration: an index written before it keeps its sessions and items, and log entries
/// may then share one journal file.
@Suite("Entry migration")
struct EntryMigrationTests {
    @Test("a v1 index migrates with its sessions and items intact, and entries of one file coexist")
    func migratesV1() throws {
        let dir = try TempDir()
        let path = dir.path + "/index.sqlite"
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v1-sessions-items-fts")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO session(id, title, date, source, file, hash, tags, json)
                    VALUES ('2026-01-02-a', 'A', '2026-01-02', 'a.md', 'a.md', 'h', '[]', ?)
                    """, arguments: [try JSONEncoder().encode(Session(id: "2026-01-02-a", title: "A", date: "2026-01-02"))])
                try db.execute(sql: """
                    INSERT INTO item(session_id, kind, ordinal, title, body, line, date, tags)
                    VALUES ('2026-01-02-a', 'remaining', 0, 'Repair migration history', '', 3, '2026-01-02', '')
                    """)
            }
        }
        let index = try Index.open(at: path)
        #expect(try index.sessions().map(\.id) == ["2026-01-02-a"])
        #expect(try index.counts() == (1, 1))

        func entry(_ id: String, _ start: Int) -> StoredSession {
            StoredSession(session: Session(id: id, title: id, date: "2026-01-03", hash: id,
                                           entry: LogEntry(heading: id, date: "2026-01-03", level: 2, startLine: start, endLine: start + 1)),
                          file: "log.md")
        }
        try index.write(sessions: [entry("2026-01-03-x", 3), entry("2026-01-03-y", 6)])
        try index.write(sessions: [entry("2026-01-03-y", 8)])
        #expect(try index.sessionKeys().filter { $0.file == "log.md" }.map(\.entryStart).sorted { ($0 ?? 0) < ($1 ?? 0) } == [3, 8],
                "rewriting one entry leaves its sibling in place")
        try index.write(sessions: [StoredSession(session: Session(id: "log", title: "Log", date: "2026-01-03", hash: "w"), file: "log.md")])
        #expect(try index.sessionKeys().filter { $0.file == "log.md" }.map(\.id) == ["log"], "the whole note replaces its entries")
    }
}
