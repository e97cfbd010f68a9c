/// What a heading announces: findings, completed work, remaining work, an update, takeaways or a summary.
///
/// `SectionKind.classify("Remaining Work (Needs Archon Tasks)", .default)` → `.remaining`.
public enum SectionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case findings, completed, remaining, update, takeaways, summary
    /// Known sections that hold no insight of their own (files changed, references, stats): read silently.
    case reference

    /// The kind whose longest phrase occurs (on word boundaries) in the heading, or nil.
    /// `update` only counts at the start of a heading ("Update: P0 Blocker Resolved").
    public static func classify(_ heading: String, _ vocabulary: Vocabulary) -> SectionKind? {
        let words = PhraseIndex.words(stripNumbering(Vocabulary.normalize(heading)))
        let entry = vocabulary.phrases.sections.longest(in: words) { entry in
            switch entry.value {
            case SectionKind.update.rawValue: return words.hasPrefixRun(entry.words)
            // "Stats", "Data", "Commits (16)" name the whole heading; "Data Structures" is not a reference.
            case SectionKind.reference.rawValue: return words.prefix { !$0.allSatisfy(\.isNumber) } == entry.words[...]
            default: return true
            }
        }
        return entry.flatMap { SectionKind(rawValue: $0.value) }
    }

    /// The finding category named by the longest matching phrase (`"Technical Findings"` → `"technical"`).
    public static func findingCategory(_ heading: String, _ vocabulary: Vocabulary) -> String {
        vocabulary.phrases.findingCategories.longest(in: PhraseIndex.words(heading))?.value ?? "general"
    }

    /// Whether a findings heading names its subject before the section word ("VPN issues", "Checkers
    /// problems") rather than being a generic section ("Issues", "Technical Findings", "What didn't work").
    public static func namesSubject(_ heading: String, _ vocabulary: Vocabulary) -> Bool {
        let words = PhraseIndex.words(stripNumbering(Vocabulary.normalize(heading)))
        let findings = vocabulary.phrases.findingSections
        if findings.entries.contains(where: { words.hasPrefixRun($0.words) }) { return false }
        guard let match = findings.longest(in: words) else { return false }
        return Array(words.suffix(match.words.count)) == match.words && words.count <= match.words.count + 3
    }

    /// `"3 remaining work"` → `"remaining work"`.
    static func stripNumbering(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f.isNumber { s.removeFirst() }
        return s.trimmingSpaces
    }
}

extension String {
    /// Whether `phrase` occurs in this normalized text on word boundaries.
    func containsPhrase(_ phrase: String) -> Bool {
        guard !phrase.isEmpty else { return false }
        if self == phrase { return true }
        return hasPrefix(phrase + " ") || hasSuffix(" " + phrase) || contains(" " + phrase + " ")
    }
}
