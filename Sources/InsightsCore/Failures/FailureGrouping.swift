import Foundation

/// The result of clustering: candidates, their vectors, the groups (candidate indexes) and the clusters built
/// from them, kept together so a cluster can be explained.
public struct FailureGrouping: Sendable {
    public let candidates: [FailureCandidate]
    public let vectors: TermVectors
    let facets: CandidateFacets
    /// Candidate indexes per cluster, in the order of `clusters`.
    public let groups: [[Int]]
    public let clusters: [FailureCluster]
    let clusterer: FailureClusterer

    init(candidates: [FailureCandidate], facets: CandidateFacets, vectors: TermVectors, groups: [[Int]],
         lent: [Int: [FailureFix]] = [:], clusterer: FailureClusterer) {
        self.candidates = candidates; self.facets = facets; self.vectors = vectors; self.clusterer = clusterer
        var built: [(FailureCluster, [Int])] = []
        Self.buildEach(groups, candidates, facets, vectors, lent: lent, clusterer: clusterer) { built.append(($0, $1)) }
        // Recurring first: most sessions, then most recent, then id.
        built.sort { ($1.0.sessions, $1.0.lastSeen, $0.0.id) < ($0.0.sessions, $0.0.lastSeen, $1.0.id) }
        self.clusters = built.map(\.0)
        self.groups = built.map(\.1)
    }

    /// The candidate indexes of the cluster that holds `key` (`session#line`), if any.
    public func group(containing key: String) -> Int? {
        groups.firstIndex { g in g.contains { candidates[$0].key == key } }
    }

    /// The score of two candidates (indexes into `candidates`), as the clusterer computed it.
    public func score(_ a: Int, _ b: Int) -> Double { clusterer.score(a, b, facets, vectors) }

    /// The bar the pair had to reach.
    public func threshold(_ a: Int, _ b: Int) -> Double { clusterer.threshold(facets.items[a], facets.items[b]) }

    /// Each group's cluster, in the groups' order (which decides which of two colliding ids gets the longer
    /// form), given to `body` with its group.
    static func buildEach(_ groups: [[Int]], _ candidates: [FailureCandidate], _ facets: CandidateFacets, _ vectors: TermVectors,
                          lent: [Int: [FailureFix]], clusterer: FailureClusterer,
                          _ body: (FailureCluster, [Int]) throws -> Void) rethrows {
        var taken = Set<String>()
        for g in groups {
            let cluster = build(g, candidates, { clusterer.score($0, $1, facets, vectors) }, vectors,
                                lent: g.flatMap { lent[$0] ?? [] }.filter { f in !g.contains { candidates[$0].key == f.session + "#\(f.line)" } },
                                taken: &taken)
            try body(cluster, g)
        }
    }

    static func build(_ g: [Int], _ c: [FailureCandidate], _ score: (Int, Int) -> Double, _ v: TermVectors,
                      lent: [FailureFix] = [], taken: inout Set<String>) -> FailureCluster {
        let members = g.sorted { (c[$0].date, c[$0].session, c[$0].line) < (c[$1].date, c[$1].session, c[$1].line) }
        let occurrences = members.map { c[$0].occurrence }
        let first = c[members[0]]
        // Six hex digits collide now and then among tens of thousands of clusters (50,000 notes made ~87,000):
        // then the occurrence's line, then a counter, until the id is free. Earlier forms stay as they were.
        var id = "F-" + SHA256.hex(Array((first.session + first.title).utf8)).prefix(6)
        var attempt = 0
        while taken.contains(id) {
            attempt += 1
            let seed = first.key + first.title + (attempt == 1 ? "" : "#\(attempt)")
            id = "F-" + SHA256.hex(Array(seed.utf8)).prefix(6)
        }
        taken.insert(id)

        // The clearest title: a finding before a friction row, blocker or takeaway; then the most central one.
        let rank: [FailureCandidate.Kind: Int] = [.finding: 0, .friction: 1, .blocker: 2, .takeaway: 3]
        func centrality(_ i: Int) -> Double { members.reduce(0) { $0 + ($1 == i ? 0 : score(i, $1)) } }
        let clearest = members.min { a, b in
            let ra = rank[c[a].kind] ?? 9, rb = rank[c[b].kind] ?? 9
            if ra != rb { return ra < rb }
            return centrality(a) > centrality(b)
        } ?? members[0]

        // Fixes written with a member, and correct responses lent by a friction row (`ResponseLinks`).
        let fixes = (members.flatMap { i in c[i].fixes.map { FailureFix(session: c[i].session, date: c[i].date, line: c[i].line, text: $0) } } + lent)
            .sorted { ($1.date, $1.session, $0.line) < ($0.date, $0.session, $1.line) }
        // Only the failures themselves count as sightings: a later takeaway that draws the lesson from an
        // old failure is not the failure happening again.
        let sightings = members.filter { !c[$0].isSupporting }.map { c[$0] }
        let sessions = Set(sightings.map(\.session)).count
        let dates = sightings.map(\.date).filter { !$0.isEmpty }
        let firstSeen = dates.min() ?? "", lastSeen = dates.max() ?? ""
        let status: FailureCluster.Status
        if let fixedOn = fixes.map(\.date).min(), sightings.contains(where: { $0.date > fixedOn }) {
            status = .recurredAfterFix
        } else if !fixes.isEmpty {
            status = .fixed
        } else {
            status = sessions >= 2 ? .recurring : .single
        }
        return FailureCluster(id: id, title: c[clearest].title, sessions: sessions, firstSeen: firstSeen,
                              lastSeen: lastSeen, status: status, fixes: fixes, occurrences: occurrences,
                              terms: sharedTerms(members, v))
    }

    /// Terms found in at least two members, by total weight, at most 8.
    static func sharedTerms(_ members: [Int], _ v: TermVectors) -> [String] {
        guard members.count > 1 else { return [] }
        var count: [Int: Int] = [:], weight: [Int: Double] = [:]
        for m in members { for t in v.vector(m) { count[t.term, default: 0] += 1; weight[t.term, default: 0] += t.weight } }
        return count.filter { $0.value >= 2 }.keys.sorted { (weight[$0] ?? 0, v.terms[$1]) > (weight[$1] ?? 0, v.terms[$0]) }
            .prefix(8).map { v.terms[$0] }
    }
}
