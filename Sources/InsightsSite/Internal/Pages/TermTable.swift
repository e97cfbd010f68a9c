import InsightsCore

/// The search index's words, each numbered the first time it is met, with what the index needs per word: whether
/// it is indexed at all, its postings, and the last doc and note that posted it. A word is hashed once per
/// occurrence; the stop-word check, the doc's own set and the note's covered set are array reads by number.
/// Words of the wrong shape (numbers, one letter) are never stored.
struct TermTable {
    private var ids: [String: Int32] = [:]
    private var isIndexed: [Bool] = []
    /// Doc numbers per word, in doc order (a doc at most once), coded as the script writes them: each the
    /// difference from the one before, in 5-bit digits (`SearchIndex.appendNumber`). Coded, they take about a
    /// third of what `Int32`s would, and are written out as they are.
    private var postings: [[UInt8]] = []
    /// The last doc that posted each word, and the last note whose items did (-1: none).
    private(set) var lastDoc: [Int32] = []
    private(set) var lastNote: [Int32] = []

    /// The number of `word` if it is indexed (given one if it is new), else nil.
    mutating func indexedID(_ word: String) -> Int? {
        if let id = ids[word] { return isIndexed[Int(id)] ? Int(id) : nil }
        guard SearchIndex.hasIndexedShape(word) else { return nil }
        let id = isIndexed.count
        ids[word] = Int32(id)
        isIndexed.append(!Tokens.stopWords.contains(word))
        postings.append([])
        lastDoc.append(-1)
        lastNote.append(-1)
        return isIndexed[id] ? id : nil
    }

    /// Posts word `t` in `doc` (once however often it occurs), noting `note` (when not -1) as covering it.
    mutating func post(_ t: Int, doc: Int32, note: Int32) {
        if lastDoc[t] != doc {
            SearchIndex.appendNumber(Int(doc - max(0, lastDoc[t])), to: &postings[t])
            lastDoc[t] = doc
        }
        if note >= 0 { lastNote[t] = note }
    }

    /// Word `t`'s coded postings, taken out of the table.
    mutating func takePostings(_ t: Int) -> [UInt8] {
        defer { postings[t] = [] }
        return postings[t]
    }

    /// The words with postings and their numbers, in the words' order.
    func postedInOrder() -> [(word: String, id: Int)] {
        ids.lazy.filter { !postings[Int($0.value)].isEmpty }.map { ($0.key, Int($0.value)) }.sorted { $0.word < $1.word }
    }
}
