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
        let text = stripNumbering(Vocabulary.normalize(heading))
        var best: (kind: SectionKind, length: Int)?
        for kind in allCases {
            for phrase in vocabulary.sections[kind.rawValue] ?? [] {
                let p = Vocabulary.normalize(phrase)
                guard !p.isEmpty else { continue }
                let found = kind == .update ? (text == p || text.hasPrefix(p + " ")) : text.containsPhrase(p)
                if found, best == nil || p.count > best!.length { best = (kind, p.count) }
            }
        }
        return best?.kind
    }

    /// The finding category named by the longest matching phrase (`"Technical Findings"` → `"technical"`).
    public static func findingCategory(_ heading: String, _ vocabulary: Vocabulary) -> String {
        let text = Vocabulary.normalize(heading)
        var best: (category: String, length: Int)?
        for (phrase, category) in vocabulary.findingCategories where text.containsPhrase(phrase) {
            if best == nil || phrase.count > best!.length { best = (category, phrase.count) }
        }
        return best?.category ?? "general"
    }

    /// Whether a findings heading names its subject before the section word ("VPN issues", "Checkers
    /// problems") rather than being a generic section ("Issues", "Technical Findings", "What didn't work").
    public static func namesSubject(_ heading: String, _ vocabulary: Vocabulary) -> Bool {
        let text = stripNumbering(Vocabulary.normalize(heading))
        let phrases = (vocabulary.sections[SectionKind.findings.rawValue] ?? []).map(Vocabulary.normalize)
        if phrases.contains(where: { text == $0 || text.hasPrefix($0 + " ") }) { return false }
        guard let match = phrases.filter({ text.containsPhrase($0) }).max(by: { $0.count < $1.count }) else { return false }
        return text.hasSuffix(" " + match) && text.split(separator: " ").count <= match.split(separator: " ").count + 3
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
