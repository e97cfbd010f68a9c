import Foundation
import InsightsCore

/// The search index's words, each numbered the first time it is met, with what the index needs per word: whether
/// it is indexed at all, its postings, and the last doc and note that posted it. The stop-word check, the doc's
/// own set and the note's covered set are array reads by number. Words of the wrong shape (numbers, one letter)
/// are never stored.
///
/// Words are found by their lowercased UTF-8 bytes in a table of their own (open addressing over one buffer of
/// every word's bytes): ASCII text is split and looked up on its bytes, with no `String` per word and no
/// `Dictionary` hash (a String and a hashed key per word of every note were a third of the index's time).
/// Text with other characters is split by `Tokens.words` and its words looked up by their bytes alike.
struct TermTable {
    /// Per slot, the number of the word there, or -1; a power of two long, at most half full.
    private var slots = [Int32](repeating: -1, count: 1 << 12)
    /// Every stored word's bytes, one after the other: word `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]
    private var hashes: [UInt64] = []
    private var isIndexed: [Bool] = []
    /// Doc numbers per word, in doc order (a doc at most once), coded as the script writes them: each the
    /// difference from the one before, in 5-bit digits (`SearchIndex.appendNumber`). Coded, they take about a
    /// third of what `Int32`s would, and are written out as they are.
    private var postings: [[UInt8]] = []
    /// The last doc that posted each word, and the last note whose items did (-1: none).
    private(set) var lastDoc: [Int32] = []
    private(set) var lastNote: [Int32] = []

    /// The numbers of the indexed words of `text`, in order (a word as often as it occurs), into `ids`.
    mutating func indexedIDs(in text: String, into ids: inout [Int32]) {
        ids.removeAll(keepingCapacity: true)
        var text = text
        let isASCII = text.withUTF8 { !$0.contains { $0 >= 0x80 } }
        guard isASCII else {
            for word in Tokens.words(text) where SearchIndex.hasIndexedShape(word) {
                var word = word
                if let id = word.withUTF8({ indexedID(UnsafeRawBufferPointer($0)) }) { ids.append(Int32(id)) }
            }
            return
        }
        // A word's lowercased bytes while it is looked up (a local: a property of the table would be read while
        // the table is changed).
        var lowered: [UInt8] = []
        text.withUTF8 { utf8 in
            _ = Tokens.forEachASCIIWord(in: utf8) { start, end in
                let word = UnsafeBufferPointer(rebasing: utf8[start..<end])
                guard Self.hasIndexedShape(ascii: word) else { return }
                // Lowercased as `Tokens.words` lowercases ASCII.
                lowered.removeAll(keepingCapacity: true)
                for c in word { lowered.append(c >= 0x41 && c <= 0x5a ? c | 0x20 : c) }
                if let id = lowered.withUnsafeBytes({ indexedID($0) }) { ids.append(Int32(id)) }
            }
        }
    }

    /// `SearchIndex.hasIndexedShape` of an ASCII word: 2 to 40 characters, not all digits unless 3 (404, 500).
    static func hasIndexedShape(ascii word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count > 1, word.count <= 40 else { return false }
        return word.count == 3 || word.contains { $0 < 0x30 || $0 > 0x39 }
    }

    /// The number of the word with these lowercased bytes (of an indexed shape) if it is indexed, given one if
    /// it is new; nil for a stop word.
    private mutating func indexedID(_ word: UnsafeRawBufferPointer) -> Int? {
        var h = WordHash()
        h.add(word)
        let hash = h.first
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash && Int(starts[id + 1] - starts[id]) == word.count
                && bytes.withUnsafeBytes({ memcmp($0.baseAddress! + Int(starts[id]), word.baseAddress!, word.count) == 0 }) {
                return isIndexed[id] ? id : nil
            }
            slot = (slot + 1) & mask
        }
        let id = isIndexed.count
        bytes.append(contentsOf: word)
        starts.append(Int32(bytes.count))
        hashes.append(hash)
        isIndexed.append(!Tokens.stopWords.contains(String(decoding: word, as: UTF8.self)))
        postings.append([])
        lastDoc.append(-1)
        lastNote.append(-1)
        slots[slot] = Int32(id)
        if isIndexed.count * 2 > slots.count { grow() }
        return isIndexed[id] ? id : nil
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for id in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
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

    /// Word `t`.
    func word(_ t: Int) -> String { String(decoding: bytes[Int(starts[t])..<Int(starts[t + 1])], as: UTF8.self) }

    /// The words with postings and their numbers, in the words' order.
    func postedInOrder() -> [(word: String, id: Int)] {
        postings.indices.lazy.filter { !postings[$0].isEmpty }.map { (word($0), $0) }.sorted { $0.word < $1.word }
    }
}
