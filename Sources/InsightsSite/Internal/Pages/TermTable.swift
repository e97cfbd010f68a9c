/// The search index's words, each numbered the first time it is met, with what the index needs per word: whether
/// it is indexed at all, its postings, and the last doc and note that posted it. A word is hashed once per
/// occurrence; the stop-word check, the doc's own set and the note's covered set are array reads by number.
struct TermTable {
    private var ids: [String: Int32] = [:]
    private(set) var words: [String] = []
    private(set) var isIndexed: [Bool] = []
    /// Doc numbers per word, in doc order (a doc at most once).
    var postings: [[Int32]] = []
    /// The last doc that posted each word, and the last note whose items did (-1: none).
    private(set) var lastDoc: [Int32] = []
    private(set) var lastNote: [Int32] = []

    /// The number of `word`, given one if it is new.
    mutating func id(_ word: String) -> Int {
        if let id = ids[word] { return Int(id) }
        let id = words.count
        ids[word] = Int32(id)
        words.append(word)
        isIndexed.append(SearchIndex.isIndexed(word))
        postings.append([])
        lastDoc.append(-1)
        lastNote.append(-1)
        return id
    }

    /// Posts word `t` in `doc` (once however often it occurs), noting `note` (when not -1) as covering it.
    mutating func post(_ t: Int, doc: Int32, note: Int32) {
        if lastDoc[t] != doc { postings[t].append(doc); lastDoc[t] = doc }
        if note >= 0 { lastNote[t] = note }
    }

    /// The numbers of the words with postings, in the words' order.
    func postedInOrder() -> [Int] {
        postings.indices.filter { !postings[$0].isEmpty }.sorted { words[$0] < words[$1] }
    }
}
