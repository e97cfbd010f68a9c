/// A vocabulary's phrases normalized and split into words once, so matching a heading costs one
/// normalization of the heading and word comparisons, not a normalization of every phrase.
///
/// `PhraseIndex(Vocabulary.default).sectionKind(of: ["next", "steps"])` → `.remaining`.
public struct PhraseIndex: Sendable, Hashable {
    struct Entry: Sendable, Hashable {
        let words: [String]
        let value: String
        var length: Int { words.reduce(words.count - 1) { $0 + $1.count } }
    }

    /// Entries sorted longest first, with the entries that start with each word: a heading is compared only
    /// with the phrases that start with one of its words (comparing it with every section phrase was 3.6% of
    /// the instructions of a cold ingest).
    struct List: Sendable, Hashable {
        let entries: [Entry]
        /// Per first word, the positions in `entries` of the entries that start with it, in order.
        private let startingWith: [String: [Int]]

        init(_ entries: [Entry]) {
            self.entries = entries
            startingWith = Dictionary(grouping: entries.indices) { entries[$0].words[0] }
        }

        /// The first entry (so the longest) that occurs in `words` on word boundaries and that `accept` takes.
        func longest(in words: [String], where accept: (Entry) -> Bool = { _ in true }) -> Entry? {
            var positions: [Int] = []
            for word in words { positions += startingWith[word] ?? [] }
            positions.sort()
            var last = -1
            for p in positions where p != last {
                last = p
                // The cheap test first: `accept` may look at every word.
                if words.containsRun(entries[p].words) && accept(entries[p]) { return entries[p] }
            }
            return nil
        }

        func filter(_ isIncluded: (Entry) -> Bool) -> List { List(entries.filter(isIncluded)) }
    }

    let sections: List
    /// The sections phrases that name a findings section.
    let findingSections: List
    let findingCategories: List
    let frictionColumns: List
    let tableColumns: List
    let openWords: List
    let doneWords: List

    init(_ v: Vocabulary) {
        func entries(_ map: [String: [String]]) -> List {
            List(map.flatMap { key, phrases in phrases.map { Entry(words: Self.words($0), value: key) } }
                .filter { !$0.words.isEmpty }
                .sorted { ($0.length, $0.value, $0.words.joined()) > ($1.length, $1.value, $1.words.joined()) })
        }
        sections = entries(v.sections)
        findingSections = sections.filter { $0.value == SectionKind.findings.rawValue }
        findingCategories = entries(Dictionary(v.findingCategories.map { ($0.value, [$0.key]) }, uniquingKeysWith: +))
        frictionColumns = entries(v.frictionColumns)
        tableColumns = entries(v.tableColumns)
        openWords = entries(["open": v.openWords])
        doneWords = entries(["done": v.doneWords])
    }

    /// `Vocabulary.normalize(text)`'s words; for ASCII text straight from its bytes (normalizing, splitting
    /// and copying each word was 1.6% of the instructions of a cold ingest).
    static func words(_ text: String) -> [String] {
        ASCII.alphanumericWords(text, skipping: UInt8(ascii: "'"))
            ?? Vocabulary.normalize(text).split(separator: " ").map(String.init)
    }
}

extension Array where Element == String {
    /// Whether `run` occurs as consecutive elements.
    func containsRun(_ run: [String]) -> Bool {
        guard !run.isEmpty, run.count <= count else { return false }
        var i = 0
        while i + run.count <= count {
            if self[i] == run[0] && self[i..<(i + run.count)].elementsEqual(run) { return true }
            i += 1
        }
        return false
    }

    func hasPrefixRun(_ run: [String]) -> Bool {
        run.count <= count && self[0..<run.count].elementsEqual(run)
    }
}
