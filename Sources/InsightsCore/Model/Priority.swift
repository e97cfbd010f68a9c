/// Priorities as written (`P0`, `High`, `🔴`) and their common rank for sorting.
///
/// `Priority.rank("High", .default)` → `1`; `Priority.label(rank: 1)` → `"P1"`.
public enum Priority {
    /// The rank 0...3 of a priority word, or nil when the word is not a priority.
    public static func rank(_ word: String, _ vocabulary: Vocabulary) -> Int? {
        let n = Vocabulary.normalize(word)
        if let r = vocabulary.priorities[n] { return r }
        for part in n.split(separator: " ") {
            if let r = vocabulary.priorities[String(part)] { return r }
        }
        return nil
    }

    /// `P0`...`P3` for a rank.
    public static func label(rank: Int) -> String { "P\(rank)" }
}
