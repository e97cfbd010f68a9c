import Foundation
import InsightsCore

/// Sessions held in memory (`SiteInput(notes:)`): of several with one id, the first in the plan's order.
struct HeldSessions: SiteSessions {
    let byID: [String: SiteNote]

    init(_ notes: [SiteNote]) {
        var byID: [String: SiteNote] = [:]
        let ordered = notes.sorted { SitePlan.isBefore(($0.session.date, $0.session.id), ($1.session.date, $1.session.id)) }
        for note in ordered where byID[note.session.id] == nil { byID[note.session.id] = note }
        self.byID = byID
    }

    func ids() -> [String] { Array(byID.keys) }
    func notes(_ ids: [String]) -> [SiteNote] { ids.compactMap { byID[$0] } }
}

extension SitePlan {
    /// The notes at these positions of the plan, in that order, read from its source. Throws when the source
    /// no longer has one (the index changed while the site was built).
    /// `part`: only that part of each session (and its id, title and date), when the source can read it alone.
    func notes<Positions: Collection<Int>>(at positions: Positions, only part: SessionPart? = nil) throws -> [SiteNote] {
        let ids = positions.map { summaries[$0].id }
        var byID: [String: SiteNote] = [:]
        for note in try part.map({ try source.notes(ids, only: $0) }) ?? source.notes(ids) where byID[note.session.id] == nil {
            byID[note.session.id] = note
        }
        return try ids.map { id in
            guard let note = byID[id] else { throw SiteError.sessionGone(id) }
            return note
        }
    }

    /// Every note, in the plan's order, read a batch at a time.
    func forEachNote(_ body: (Int, SiteNote) throws -> Void) throws {
        let batch = NoteCursor.batch
        for start in stride(from: 0, to: summaries.count, by: batch) {
            for (k, note) in try notes(at: start..<min(start + batch, summaries.count)).enumerated() { try body(start + k, note) }
        }
    }
}

/// A page's walk through the plan's sessions in order (the findings and friction rows), reading a batch at a
/// time, only the `part` the page shows. Rows cannot throw: a failed read leaves the row empty and is thrown by
/// `check` after the page.
final class NoteCursor: @unchecked Sendable {
    static let batch = 256

    private let plan: SitePlan
    private let part: SessionPart?
    private var start = 0
    private var notes: [SiteNote] = []
    private var failure: (any Error)?

    init(plan: SitePlan, only part: SessionPart? = nil) { self.plan = plan; self.part = part }

    /// The note at position `n` of the plan; nil when it could not be read.
    func note(_ n: Int) -> SiteNote? {
        if n < start || n >= start + notes.count {
            guard failure == nil else { return nil }
            do {
                notes = []
                notes = try plan.notes(at: n..<min(n + Self.batch, plan.summaries.count), only: part)
                start = n
            } catch {
                failure = error
                return nil
            }
        }
        return notes[n - start]
    }

    /// Throws the read that failed, if one did.
    func check() throws { if let failure { throw failure } }
}

/// The session pages' notes, read a batch at a time by the first page of the batch to render, and kept while the
/// pages of the last few batches render (pages render in plan order, on every core). A batch is 64 of the pages
/// this build renders (`prepare`), so an incremental build whose changed pages are spread over the journal
/// reads only their sessions.
final class NoteCache: @unchecked Sendable {
    static let batch = 64
    static let kept = 4

    private let plan: SitePlan
    /// The plan positions of the pages to render, ascending; nil: every position.
    private var order: [Int]?
    private var batches: [(index: Int, notes: [SiteNote])] = []
    private var reads = 0
    private let lock = NSLock()

    init(plan: SitePlan) { self.plan = plan }

    /// The positions whose pages this build renders, before they render.
    func prepare(_ positions: [Int]) {
        lock.lock(); defer { lock.unlock() }
        order = positions.sorted()
        batches = []
    }

    /// The note at position `n` of the plan.
    func note(_ n: Int) throws -> SiteNote {
        lock.lock()
        defer { lock.unlock() }
        let rank = order.map { Self.rank(of: n, in: $0) } ?? n
        let b = rank / Self.batch
        if let held = batches.first(where: { $0.index == b }), let note = held.notes.first(where: { $0.session.id == plan.summaries[n].id }) {
            return note
        }
        // Read while holding the lock: the other cores want this batch or the next.
        let ranks = (b * Self.batch)..<min((b + 1) * Self.batch, order?.count ?? plan.summaries.count)
        let positions = order.map { Array($0[ranks]) } ?? Array(ranks)
        let notes = try plan.notes(at: positions.contains(n) ? positions : [n])
        batches.append((b, notes))
        if batches.count > Self.kept { batches.removeFirst() }
        reads += 1
        if reads % 8 == 0 { FreedMemory.release() }
        guard let note = notes.first(where: { $0.session.id == plan.summaries[n].id }) else { throw SiteError.sessionGone(plan.summaries[n].id) }
        return note
    }

    /// Where `n` is in the ascending `positions` (or would be).
    private static func rank(of n: Int, in positions: [Int]) -> Int {
        var low = 0, high = positions.count
        while low < high {
            let mid = (low + high) / 2
            if positions[mid] < n { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
