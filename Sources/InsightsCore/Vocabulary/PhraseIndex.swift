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

    let sections: [Entry]
    let findingCategories: [Entry]
    let frictionColumns: [Entry]
    let tableColumns: [Entry]
    let openWords: [Entry]
    let doneWords: [Entry]

    init(_ v: Vocabulary) {
        func entries(_ map: [String: [String]]) -> [Entry] {
            map.flatMap { key, phrases in phrases.map { Entry(words: Self.words($0), value: key) } }
                .filter { !$0.words.isEmpty }
                .sorted { ($0.length, $0.value, $0.words.joined()) > ($1.length, $1.value, $1.words.joined()) }
        }
        sections = entries(v.sections)
        findingCategories = entries(Dictionary(v.findingCategories.map { ($0.value, [$0.key]) }, uniquingKeysWith: +))
        frictionColumns = entries(v.frictionColumns)
        tableColumns = entries(v.tableColumns)
        openWords = entries(["open": v.openWords])
        doneWords = entries(["done": v.doneWords])
    }

    static func words(_ text: String) -> [String] {
        Vocabulary.normalize(text).split(separator: " ").map(String.init)
    }

    /// The value of the longest entry occurring in `words` on word boundaries (entries are sorted longest first).
    static func longest(_ entries: [Entry], in words: [String], where accept: (Entry) -> Bool = { _ in true }) -> Entry? {
        // The cheap test first: `accept` may look at every word.
        entries.first { words.containsRun($0.words) && accept($0) }
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
