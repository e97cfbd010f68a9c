import Foundation

/// The structural facts the score needs about each candidate, as small integers, so scoring millions of
/// pairs compares numbers instead of copying candidates and comparing strings.
///
/// Two friction rows of one table → equal `group` values (they are siblings); "Same as 2026-09-03" →
/// `mentions` holds the id of the date `2026-09-03`.
struct CandidateFacets: Sendable {
    struct Facet: Sendable {
        var session: Int
        var date: Int
        /// Same value for candidates the author listed side by side (same note, heading and kind), -1 for takeaways.
        var group: Int
        var kind: FailureCandidate.Kind
        var category: Int
        var labels: UInt64
        var mentions: [Int]
    }

    let items: [Facet]

    init(_ candidates: [FailureCandidate]) {
        // Ids per namespace, keyed by the candidates' own strings (no string is made per candidate).
        var sessions: [String: Int] = [:], dates: [String: Int] = [:], categories: [String: Int] = [:]
        var groups: [GroupKey: Int] = [:]
        func id<Key: Hashable>(_ key: Key, _ ids: inout [Key: Int]) -> Int {
            if let known = ids[key] { return known }
            ids[key] = ids.count
            return ids.count - 1
        }
        var labelBits: [String: UInt64] = [:]
        items = candidates.map { c in
            var labels: UInt64 = 0
            for l in c.labels {
                if labelBits[l] == nil { labelBits[l] = labelBits.count < 64 ? 1 << UInt64(labelBits.count) : 0 }
                labels |= labelBits[l] ?? 0
            }
            let session = id(c.session, &sessions)
            return Facet(session: session, date: id(c.date, &dates),
                         group: c.kind == .takeaway ? -1 : id(GroupKey(session: session, section: c.section, kind: c.kind), &groups),
                         kind: c.kind, category: id(c.category, &categories), labels: labels,
                         mentions: c.mentionedDates.sorted().map { id($0, &dates) })
        }
    }

    /// Candidates of one note listed under one heading as one kind of thing.
    private struct GroupKey: Hashable {
        var session: Int
        var section: String
        var kind: FailureCandidate.Kind
    }
}
