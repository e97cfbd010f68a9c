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
        var ids: [String: Int] = [:]
        func id(_ s: String) -> Int {
            if let known = ids[s] { return known }
            ids[s] = ids.count
            return ids.count - 1
        }
        var labelBits: [String: UInt64] = [:]
        items = candidates.map { c in
            var labels: UInt64 = 0
            for l in c.labels {
                if labelBits[l] == nil { labelBits[l] = labelBits.count < 64 ? 1 << UInt64(labelBits.count) : 0 }
                labels |= labelBits[l] ?? 0
            }
            return Facet(session: id("s:" + c.session), date: id("d:" + c.date),
                         group: c.kind == .takeaway ? -1 : id("g:\(c.session)\u{0}\(c.section)\u{0}\(c.kind.rawValue)"),
                         kind: c.kind, category: id("c:" + c.category), labels: labels,
                         mentions: c.mentionedDates.sorted().map { id("d:" + $0) })
        }
    }
}
