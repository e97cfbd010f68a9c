import Foundation
import GRDB
import Testing
import InsightsCore
@testable import InsightsStore

/// How the index keeps derived inputs and writes only the tasks and failures that changed.
@Suite("Derived storage")
struct DerivedStorageTests {
    func seedIndex() throws -> (Index, Session) {
        let index = try Index.inMemory()
        let seed = try Corpus.session(Corpus.seed)
        try index.write(sessions: [StoredSession(session: seed, file: "seed.md")])
        return (index, seed)
    }

    @Test("a stored session's derived input is stored beside it and read back equal")
    func storedBeside() throws {
        let (index, seed) = try seedIndex()
        let inputs = try index.writer.write { db in try IndexTransaction(db: db).derivedInputs() }
        #expect(inputs == [DerivedInput(seed)])
    }

    @Test("a session stored before v6 (no derived input) gets one made from its JSON, and keeps it")
    func madeFromJSON() throws {
        let (index, seed) = try seedIndex()
        try index.debugExecute("UPDATE session SET derived = NULL")
        let inputs = try index.writer.write { db in try IndexTransaction(db: db).derivedInputs() }
        #expect(inputs == [DerivedInput(seed)])
        let stored = try index.writer.read { db in try Data.fetchOne(db, sql: "SELECT derived FROM session") }
        #expect(stored.flatMap { DerivedInput(bytes: [UInt8]($0)) } == DerivedInput(seed))
    }

    @Test("derived inputs a run at a time, by date then id; one missing is made from its session and stored after")
    func inRunsByDate() throws {
        let index = try Index.inMemory()
        let seed = try Corpus.session(Corpus.seed)
        var stored: [StoredSession] = []
        for (id, date) in [("b", "2026-02-01"), ("c", "2026-01-15"), ("a", "2026-02-01")] {
            var s = seed
            s.id = id; s.date = date; s.hash = id
            stored.append(StoredSession(session: s, file: id + ".md"))
        }
        try index.write(sessions: stored)
        try index.debugExecute("UPDATE session SET derived = NULL WHERE id = 'a'")
        var seen: [String] = []
        try index.writer.write { db in
            try IndexTransaction(db: db).forEachDerivedInputRun(inDateOrder: true) { run in
                seen += run.map(\.id)
                #expect(run.allSatisfy { $0.tasks.remaining.count == seed.remaining.count })
            }
        }
        #expect(seen == ["c", "a", "b"])
        let remade = try index.writer.read { db in try Data.fetchOne(db, sql: "SELECT derived FROM session WHERE id = 'a'") }
        #expect(remade.flatMap { DerivedInput(bytes: [UInt8]($0)) }?.id == "a")
    }

    @Test("a first write hands the recompute the inputs it stored, in date-then-id order, instead of reading them back")
    func keptByFirstWrite() throws {
        let index = try Index.inMemory()
        let seed = try Corpus.session(Corpus.seed)
        func sessions(_ ids: [(String, String)]) -> [StoredSession] {
            ids.map { id, date in
                var s = seed
                s.id = id; s.date = date; s.hash = id
                return StoredSession(session: s, file: id + ".md")
            }
        }
        // The stored inputs are blanked before the recompute: read back, they would be made again and stored.
        func write(_ batches: [[StoredSession]], into index: Index, expecting: Int? = nil) throws -> (seen: [String], blanked: Int) {
            var seen: [String] = []
            try index.writing({ batch in
                batch.keepInputs(expecting: expecting ?? batches.joined().count)
                for b in batches { try batch.store(b) }
                try batch.db.execute(sql: "UPDATE session SET derived = NULL")
            }, then: { tx in
                try tx.forEachDerivedInputRun(inDateOrder: true) { run in
                    seen += run.map(\.id)
                    #expect(run.allSatisfy { $0.tasks.remaining.count == seed.remaining.count && $0 == DerivedInput(sessions([($0.id, $0.date)])[0].session) })
                }
            })
            return (seen, try index.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM session WHERE derived IS NULL") ?? 0 })
        }
        let first = try write([sessions([("b", "2026-02-01"), ("c", "2026-01-15")]), sessions([("a", "2026-02-01")])], into: index)
        #expect(first.seen == ["c", "a", "b"])
        #expect(first.blanked == 3, "kept, not read back")
        let second = try write([sessions([("d", "2026-03-01")])], into: index)
        #expect(second.seen == ["c", "a", "b", "d"])
        #expect(second.blanked == 0, "the index held sessions: read back, and made again")
        let large = try write([sessions([("e", "2026-03-01")])], into: try Index.inMemory(), expecting: IndexBatch.maxKeptInputs + 1)
        #expect(large.seen == ["e"] && large.blanked == 0, "more expected than are kept: read back")

        // A first write that stores one id twice keeps the later session only: read back.
        let other = try Index.inMemory()
        var seen: [String] = []
        try other.writing({ batch in
            batch.keepInputs(expecting: 2)
            try batch.store(sessions([("a", "2026-01-01")]))
            try batch.store(sessions([("a", "2026-01-02")]))
        }, then: { tx in try tx.forEachDerivedInputRun(inDateOrder: true) { run in seen += run.map { $0.id + " " + $0.date } } })
        #expect(seen == ["a 2026-01-02"])
    }

    @Test("replacing tasks rewrites only the changed rows and deletes the ones gone")
    func differentialTasks() throws {
        let (index, seed) = try seedIndex()
        var tasks = TaskTracker().tasks(from: [seed])
        try index.writer.write { db in try IndexTransaction(db: db).replaceTasks(tasks) }
        func rowids() throws -> [String: Int64] {
            try index.writer.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, rowid FROM task").map { ($0[0], $0[1]) })
            }
        }
        let before = try rowids()
        #expect(before.count == tasks.count)
        tasks[0].title = "Changed title"
        let gone = tasks.removeLast()
        try index.writer.write { db in try IndexTransaction(db: db).replaceTasks(tasks) }
        let after = try rowids()
        #expect(after[gone.id] == nil)
        #expect(after[tasks[0].id] != before[tasks[0].id], "the changed task is written again")
        #expect(tasks.dropFirst().allSatisfy { after[$0.id] == before[$0.id] }, "unchanged tasks are left alone")
        #expect(try index.tasks().sorted { $0.id < $1.id } == tasks.sorted { $0.id < $1.id })
    }

    @Test("tasks written a run at a time: the same rows, unchanged ones left alone, those in no run deleted")
    func tasksInRuns() throws {
        let (index, seed) = try seedIndex()
        var tasks = TaskTracker().tasks(from: [seed])
        try index.writer.write { db in try IndexTransaction(db: db).replaceTasks(tasks) }
        let before = try index.writer.read { db in try Row.fetchAll(db, sql: "SELECT id, rowid FROM task ORDER BY id").map { "\($0[0] as String) \($0[1] as Int64)" } }
        tasks[1].title = "Changed title"
        let gone = tasks.removeLast()
        try index.writer.write { db in
            try IndexTransaction(db: db).replaceTasks { write in
                for start in stride(from: 0, to: tasks.count, by: 5) { try write(Array(tasks[start..<min(start + 5, tasks.count)])) }
            }
        }
        #expect(try index.tasks().sorted { $0.id < $1.id } == tasks.sorted { $0.id < $1.id })
        #expect(try index.task(id: gone.id) == nil)
        let after = try index.writer.read { db in try Row.fetchAll(db, sql: "SELECT id, rowid FROM task ORDER BY id").map { "\($0[0] as String) \($0[1] as Int64)" } }
        // Only the changed task got a new row.
        #expect(Set(before).subtracting(after).count == 2 && Set(after).subtracting(before).count == 1)
    }

    @Test("digests differ when any field differs, and where a nested list ends matters")
    func digests() throws {
        let mention = TaskMention(session: "s", date: "2026-01-01", line: 3, text: "Fix it", kind: .open)
        let task = TrackedTask(id: "T-1", title: "Fix it", mentions: [mention], firstSeen: "2026-01-01")
        let base = try ValueDigest.of(task)
        #expect(try ValueDigest.of(task) == base)
        var variants: [TrackedTask] = []
        var t = task; t.title = "Fix it!"; variants.append(t)
        t = task; t.priority = "P1"; variants.append(t)
        t = task; t.priorityRank = 0; variants.append(t)
        t = task; t.status = .done; variants.append(t)
        t = task; t.mentions[0].line = 4; variants.append(t)
        t = task; t.mentions[0].priority = "P2"; variants.append(t)
        t = task; t.mentions.append(mention); variants.append(t)
        t = task; t.isReopened = true; variants.append(t)
        t = task; t.tags = ["ci"]; variants.append(t)
        t = task; t.dependsOn = ["T-2"]; variants.append(t)
        t = task; t.evidence = mention; variants.append(t)
        let digests = try variants.map(ValueDigest.of)
        #expect(!digests.contains(base))
        #expect(Set(digests).count == digests.count)

        struct Inner: Encodable { var a: Int; var b: Int? }
        struct Outer: Encodable { var list: [Inner]; var b: Int? }
        #expect(try ValueDigest.of(Outer(list: [Inner(a: 1, b: nil)], b: 2)) != ValueDigest.of(Outer(list: [Inner(a: 1, b: 2)], b: nil)))

        // Numbers other than Int and Double encode themselves into their single-value container.
        struct Numbers: Encodable { var small: Int8; var ratio: Float; var count: UInt; var bytes: Data }
        let numbers = Numbers(small: -5, ratio: 1.5, count: 7, bytes: Data([1, 2]))
        #expect(try ValueDigest.of(numbers) == ValueDigest.of(numbers))
        var other = numbers; other.ratio = 1.25
        #expect(try ValueDigest.of(other) != ValueDigest.of(numbers))
        other = numbers; other.bytes = Data([1, 3])
        #expect(try ValueDigest.of(other) != ValueDigest.of(numbers))
    }
}
