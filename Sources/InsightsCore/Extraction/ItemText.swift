import Foundation

/// Reading list items: title and detail, priority, dependencies, done marks.
enum ItemText {
    /// Drops a leading `-`, `–`, `—`, `:` or `|` separator: `" - Must be done"` → `"Must be done"`.
    static func dropLeadingSeparator(_ text: String) -> String {
        var s = Substring(text.trimmingSpaces)
        while let f = s.first, "-–—:|".contains(f) { s.removeFirst() }
        return s.trimmingSpaces
    }

    /// Splits a plain item into a short title and the rest.
    ///
    /// `"Add security headers - CSP, X-Frame-Options"` → `("Add security headers", "CSP, X-Frame-Options")`.
    static func split(_ text: String) -> (title: String, detail: String) {
        let t = text.trimmingSpaces
        for separator in [" — ", " – ", " - ", ": "] {
            if let r = t.range(of: separator) {
                let head = t[..<r.lowerBound].trimmingSpaces
                if head.count >= 3 && head.count <= 120 {
                    return (head, t[r.upperBound...].trimmingSpaces)
                }
            }
        }
        if t.count > 140 {
            if let r = t.range(of: ". "), t.distance(from: t.startIndex, to: r.lowerBound) >= 10 {
                return (String(t[..<r.lowerBound]), t[r.upperBound...].trimmingSpaces)
            }
            let head = String(t.prefix(120))
            let cut = head.lastIndex(of: " ").map { String(head[..<$0]) } ?? head
            return (cut + "…", t)
        }
        return (t, "")
    }

    /// The first sentence (at most ~140 characters) and the rest.
    ///
    /// `"The DNS server did what it was told. Nobody noticed."` → `("The DNS server did what it was told", "Nobody noticed.")`.
    static func firstSentence(_ text: String) -> (title: String, rest: String) {
        let t = text.trimmingSpaces
        var i = t.startIndex
        while i < t.endIndex {
            let c = t[i]
            let next = t.index(after: i)
            if ".!?".contains(c), next == t.endIndex || t[next] == " " {
                let head = String(t[..<i])
                let lastWord = head.split(separator: " ").last.map(String.init) ?? ""
                let isAbbreviation = ["e.g", "i.e", "etc", "vs", "approx", "Dr", "Mr", "Ms"].contains(lastWord) || lastWord.count == 1
                if !isAbbreviation && head.count >= 8 {
                    return (head.count > 140 ? split(head).title : head, t[next...].trimmingSpaces)
                }
            }
            i = next
        }
        return t.count > 140 ? split(t) : (t, "")
    }

    /// Removes leading numbering and a trailing parenthetical priority from a title.
    ///
    /// `"1. Migration Tracking is Broken (P0 BLOCKER)"` → `("Migration Tracking is Broken", "P0 BLOCKER")`.
    static func titleAndSeverity(_ heading: String, _ vocabulary: Vocabulary) -> (title: String, severity: String?) {
        var t = Substring(heading.trimmingSpaces)
        // "1." / "1)" / "#1" / "Finding 1:" numbering
        var digits = t.prefix { $0.isNumber }
        if !digits.isEmpty, let next = t.dropFirst(digits.count).first, ".):".contains(next) {
            t = t.dropFirst(digits.count + 1)
        }
        digits = ""
        t = Substring(t.trimmingSpaces)
        var severity: String?
        if t.hasSuffix(")") || t.hasSuffix("]"), let open = t.lastIndex(where: { $0 == "(" || $0 == "[" }) {
            let inner = t[t.index(after: open)..<t.index(before: t.endIndex)].trimmingSpaces
            if priorityRank(in: inner, vocabulary) != nil || severityWords.contains(Vocabulary.normalize(inner)) {
                severity = inner
                t = Substring(t[..<open].trimmingSpaces)
            }
        }
        // "[P0] Title" / "P1: Title"
        if severity == nil, let (word, rest) = leadingPriority(String(t), vocabulary) {
            severity = word
            t = Substring(rest)
        }
        return (String(t).trimmingSpaces, severity)
    }

    static let severityWords: Set<String> = ["critical", "major", "minor", "severe", "blocker", "high", "medium", "low", "sev1", "sev2", "sev3"]

    /// A priority word at the start: `"[P0] Fix it"`, `"P1: Fix it"`, `"🔴 Fix it"`, `"High: Fix it"`.
    static func leadingPriority(_ text: String, _ vocabulary: Vocabulary) -> (word: String, rest: String)? {
        var s = Substring(text.trimmingSpaces)
        var bracketed = false
        if s.hasPrefix("[") || s.hasPrefix("(") { s = s.dropFirst(); bracketed = true }
        let word = s.prefix { !$0.isWhitespace && !"]):-–—,".contains($0) }
        guard !word.isEmpty, vocabulary.priorities[Vocabulary.normalize(String(word))] != nil else { return nil }
        let isMark = word.unicodeScalars.allSatisfy { Vocabulary.statusMarks.contains($0) || $0.properties.isEmojiPresentation || $0 == "\u{FE0F}" }
        var rest = s.dropFirst(word.count)
        if bracketed { guard rest.first == "]" || rest.first == ")" else { return nil }; rest = rest.dropFirst() }
        let restText = dropLeadingSeparator(String(rest))
        // "High availability setup" is a title, not a priority: require a mark, brackets or a separator.
        guard isMark || bracketed || rest.first.map({ ":-–—".contains($0) }) == true || word.lowercased().first == "p" else { return nil }
        guard !restText.isEmpty else { return nil }
        return (String(word), restText)
    }

    /// The rank 0...3 of the first priority written in `text` (`P0`, `(High)`, `🔴`, `Priority: Low`).
    static func priorityRank(in text: String, _ vocabulary: Vocabulary) -> Int? {
        priorityWord(in: text, vocabulary).flatMap { vocabulary.priorities[Vocabulary.normalize($0)] }
    }

    /// The first priority word in `text`: `P0`..`P3` anywhere, `High`/`Medium`/`Low`/`Critical` when marked
    /// as a priority (in brackets, before a colon, after "priority"), or a coloured circle.
    static func priorityWord(in text: String, _ vocabulary: Vocabulary) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace || "()[]{},;:*_/|".contains($0) })
        for (i, raw) in words.enumerated() {
            let w = String(raw).trimmingCharacters(in: ".!?-–—")
            let n = Vocabulary.normalize(w)
            if n.count == 2, n.first == "p", let d = n.last, ("0"..."3").contains(d) { return w.uppercased() }
            if w.unicodeScalars.first.map({ Vocabulary.statusMarks.contains($0) }) == true,
               vocabulary.priorities[n] != nil { return w }
            if ["critical", "high", "medium", "low", "urgent"].contains(n) {
                let before = i > 0 ? Vocabulary.normalize(String(words[i - 1])) : ""
                if before == "priority" || before == "prio" { return w }
                if let range = text.range(of: w) {
                    let after = text[range.upperBound...].first
                    let prior = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
                    if prior == "(" || prior == "[" || after == ")" || after == "]" || after == ":" { return w }
                    if text.contains("**\(w)**") { return w }
                }
            }
        }
        return nil
    }

    /// Numbers of items this one depends on: `"Blocked by #1"` → `[1]`; `"depends on #2 and #3"` → `[2, 3]`.
    static func dependencies(in text: String) -> (numbers: [Int], texts: [String]) {
        let lower = text.lowercased()
        var numbers: [Int] = []
        var texts: [String] = []
        for cue in ["blocked by", "depends on", "dependent on", "requires", "after", "waiting on", "waits for", "needs"] {
            var search = lower.startIndex
            while let r = lower.range(of: cue, range: search..<lower.endIndex) {
                search = r.upperBound
                let before = r.lowerBound > lower.startIndex ? lower[lower.index(before: r.lowerBound)] : " "
                guard !before.isLetter else { continue }
                var tail = lower[r.upperBound...].drop { $0 == " " || $0 == ":" }
                var found: [Int] = []
                while true {
                    let hadHash = tail.hasPrefix("#")
                    if hadHash { tail = tail.dropFirst() }
                    let digits = tail.prefix { $0.isNumber }
                    guard !digits.isEmpty, hadHash || cue == "blocked by" || cue == "depends on",
                          let n = Int(digits), n < 1000 else { break }
                    found.append(n)
                    tail = tail.dropFirst(digits.count).drop { " ,&".contains($0) }
                    if tail.hasPrefix("and ") { tail = tail.dropFirst(4) }
                    if tail.hasPrefix("#") == false && tail.first?.isNumber != true { break }
                }
                if found.isEmpty, cue == "blocked by" || cue == "depends on" || cue == "after" {
                    let phrase = text[text.index(text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: r.upperBound))...]
                        .prefix { !".;)(\n".contains($0) }.trimmingSpaces
                    if cue != "after", !phrase.isEmpty, phrase.count <= 80 { texts.append(phrase) }
                }
                numbers += found
            }
        }
        var seen = Set<Int>()
        return (numbers.filter { seen.insert($0).inserted }, texts)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
