/// The `k` drafts sharing the most IDF weight with a mention, of all offered (ties: the newer draft), kept as
/// they are offered in a min-heap: most mentions offer dozens of drafts to keep 16, and sorting them all was a
/// sixth of the tracker's time. Which drafts are kept does not depend on the order they are offered in; the
/// order they are kept in is not meaningful.
struct TopCandidates {
    typealias Candidate = (weight: Double, draft: Int)
    let k: Int
    /// A min-heap once full: `kept[0]` is the least kept.
    private(set) var kept: [Candidate] = []

    init(keeping k: Int) { self.k = k }

    mutating func removeAll() { kept.removeAll(keepingCapacity: true) }

    mutating func offer(_ weight: Double, _ draft: Int) {
        if kept.count < k {
            kept.append((weight, draft))
            siftUp(kept.count - 1)
        } else if k > 0, Self.less(kept[0], (weight, draft)) {
            kept[0] = (weight, draft)
            siftDown(0)
        }
    }

    private static func less(_ a: Candidate, _ b: Candidate) -> Bool {
        a.weight < b.weight || (a.weight == b.weight && a.draft < b.draft)
    }

    private mutating func siftUp(_ start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.less(kept[i], kept[parent]) else { return }
            kept.swapAt(i, parent)
            i = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let l = 2 * i + 1, r = l + 1
            var least = i
            if l < kept.count && Self.less(kept[l], kept[least]) { least = l }
            if r < kept.count && Self.less(kept[r], kept[least]) { least = r }
            guard least != i else { return }
            kept.swapAt(i, least)
            i = least
        }
    }
}
