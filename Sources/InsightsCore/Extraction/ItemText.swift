import Foundation

/// Reading list items: title and detail, dependencies, done marks (priorities: `ItemText+Priority`).
enum ItemText {
    /// Drops a leading `-`, `–`, `—`, `:` or `|` separator: `" - Must be done"` → `"Must be done"`.
    /// (`checksBytes: false` skips the byte reading, for tests that compare the two.)
    static func dropLeadingSeparator(_ text: String, checksBytes: Bool = true) -> String {
        if checksBytes, let read = asciiDropLeadingSeparator(text) { return read }
        var s = Substring(text.trimmingSpaces)
        while let f = s.first, "-–—:|".contains(f) { s.removeFirst() }
        return s.trimmingSpaces
    }

    /// `dropLeadingSeparator` on bytes when what it drops and the bytes it stops at are ASCII (each such byte is a
    /// character of its own); nil otherwise. By `Character`, it was 0.6% of a cold ingest's instructions.
    static func asciiDropLeadingSeparator(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var start = 0, end = bytes.count
            while start < end && ASCII.isSpace(bytes[start]) { start += 1 }
            while start < end && (bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: ":") || bytes[start] == UInt8(ascii: "|")) {
                start += 1
            }
            while start < end && ASCII.isSpace(bytes[start]) { start += 1 }
            while end > start && ASCII.isSpace(bytes[end - 1]) { end -= 1 }
            guard start == end || (bytes[start] < 0x80 && bytes[end - 1] < 0x80) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// Splits a plain item into a short title and the rest. A ticket key before the separator stays with the
    /// title: `"AUT-127: Fix retry logic"` is one title.
    ///
    /// `"Add security headers - CSP, X-Frame-Options"` → `("Add security headers", "CSP, X-Frame-Options")`.
    static func split(_ text: String) -> (title: String, detail: String) {
        let t = text.trimmingSpaces
        let isASCII = t.isAllASCII
        // In ASCII without a `\r\n` each byte is one character: counted without grapheme breaking.
        let countsBytes = isASCII && t.utf8.withContiguousStorageIfAvailable({ !$0.contains(0x0d) }) == true
        func length<S: StringProtocol>(_ s: S) -> Int { countsBytes ? s.utf8.count : s.count }
        for separator in isASCII ? [" - ", ": "] : [" — ", " – ", " - ", ": "] {
            guard var r = isASCII ? t.asciiRange(of: separator) : t.range(of: separator) else { continue }
            // After a key, the title runs to the separator's next occurrence: "AUT-127: Fix it: detail".
            if isTicketKey(t[..<r.lowerBound].trimmingSpaces) {
                guard let next = isASCII ? t.asciiRange(of: separator, from: r.upperBound)
                        : t.range(of: separator, range: r.upperBound..<t.endIndex) else { continue }
                r = next
            }
            let head = t[..<r.lowerBound].trimmingSpaces
            if length(head) >= 3 && length(head) <= 120 {
                return (head, t[r.upperBound...].trimmingSpaces)
            }
        }
        if length(t) > 140 {
            if let r = isASCII ? t.asciiRange(of: ". ") : t.range(of: ". "), t.distance(from: t.startIndex, to: r.lowerBound) >= 10 {
                return (String(t[..<r.lowerBound]), t[r.upperBound...].trimmingSpaces)
            }
            let head = String(t.prefix(120))
            let cut = head.lastIndex(of: " ").map { String(head[..<$0]) } ?? head
            return (cut + "…", t)
        }
        return (t, "")
    }

    /// Whether `text` is only a ticket key: `AUT-127`, `PROJ2-9`, `#412`.
    static func isTicketKey(_ text: String) -> Bool {
        // Most heads are words: no key is that long, or starts with anything but a letter or `#`.
        guard text.utf8.count <= 24, let first = text.utf8.first,
              first == UInt8(ascii: "#") || (first | 0x20 >= 97 && first | 0x20 <= 122) else { return false }
        let u = Array(text.utf8)
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        func isLetter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        if u.first == UInt8(ascii: "#") { return u.count > 1 && u.dropFirst().allSatisfy(isDigit) }
        guard let dash = u.lastIndex(of: UInt8(ascii: "-")), dash > 0, dash < u.count - 1, isLetter(u[0]) else { return false }
        return u[..<dash].allSatisfy { isLetter($0) || isDigit($0) } && u[(dash + 1)...].allSatisfy(isDigit)
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
    /// (`checksBytes: false` skips `asciiTitleAndSeverity`, for tests that compare the two.)
    static func titleAndSeverity(_ heading: String, _ vocabulary: Vocabulary, checksBytes: Bool = true) -> (title: String, severity: String?) {
        if checksBytes, let read = asciiTitleAndSeverity(heading, vocabulary) { return read }
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

    /// `titleAndSeverity` of an ASCII heading without a `\r`, on its bytes (each byte one character); nil for
    /// any other heading. Reading every item's title by `Character` was 3% of the instructions of a cold ingest.
    static func asciiTitleAndSeverity(_ heading: String, _ vocabulary: Vocabulary) -> (title: String, severity: String?)? {
        var heading = heading
        return heading.withUTF8 { bytes -> (title: String, severity: String?)? in
            guard ASCII.isAll(bytes), !bytes.contains(0x0d) else { return nil }
            var start = 0, end = bytes.count
            func trim() {
                while start < end && ASCII.isSpace(bytes[start]) { start += 1 }
                while end > start && ASCII.isSpace(bytes[end - 1]) { end -= 1 }
            }
            func text(_ from: Int, _ to: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self) }
            trim()
            // "1." / "1)" / "1:" numbering
            var digits = start
            while digits < end && ASCII.isDigit(bytes[digits]) { digits += 1 }
            if digits > start && digits < end
                && (bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")") || bytes[digits] == UInt8(ascii: ":")) {
                start = digits + 1
            }
            trim()
            var severity: String?
            // "Title (High)" / "Title [P1]"
            if end > start && (bytes[end - 1] == UInt8(ascii: ")") || bytes[end - 1] == UInt8(ascii: "]")),
               let open = (start..<end).last(where: { bytes[$0] == UInt8(ascii: "(") || bytes[$0] == UInt8(ascii: "[") }) {
                var innerStart = open + 1, innerEnd = end - 1
                while innerStart < innerEnd && ASCII.isSpace(bytes[innerStart]) { innerStart += 1 }
                while innerEnd > innerStart && ASCII.isSpace(bytes[innerEnd - 1]) { innerEnd -= 1 }
                let inner = text(innerStart, innerEnd)
                if priorityRank(in: inner, vocabulary) != nil || severityWords.contains(Vocabulary.normalize(inner)) {
                    severity = inner
                    end = open
                    trim()
                }
            }
            let title = text(start, end)
            // "[P0] Title" / "P1: Title"
            if severity == nil, let (word, rest) = leadingPriority(title, vocabulary) { return (rest.trimmingSpaces, word) }
            return (title, severity)
        }
    }

    static let severityWords: Set<String> = ["critical", "major", "minor", "severe", "blocker", "high", "medium", "low", "sev1", "sev2", "sev3"]

    /// Numbers of items this one depends on: `"Blocked by #1"` → `[1]`; `"depends on #2 and #3"` → `[2, 3]`.
    static func dependencies(in text: String, checksCues: Bool = true) -> (numbers: [Int], texts: [String]) {
        guard !checksCues || mayNameDependency(text) else { return ([], []) }
        let lower = text.lowercased()
        var numbers: [Int] = []
        var texts: [String] = []
        let isASCII = lower.isAllASCII
        for cue in dependencyCues {
            var search = lower.startIndex
            while let r = isASCII ? lower.asciiRange(of: cue, from: search) : lower.range(of: cue, range: search..<lower.endIndex) {
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

    static let dependencyCues = ["blocked by", "depends on", "dependent on", "requires", "after", "waiting on", "waits for", "needs"]
    private static let dependencyCueBytes = dependencyCues.map { Array($0.utf8) }

    /// False only when `text` is ASCII and names none of `dependencyCues` in any case (most items): then
    /// `dependencies` finds nothing without lowercasing and searching the text eight times (1.8% of the
    /// instructions of a cold ingest). Other text may lowercase into a cue, so it is searched.
    static func mayNameDependency(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var i = 0
            while i < bytes.count {
                let b = base[i]
                if b >= 0x80 { return true }
                // Cues start with a, b, d, n, r or w.
                switch b | 0x20 {
                case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "w"):
                    for cue in dependencyCueBytes where cue[0] == b | 0x20 && i + cue.count <= bytes.count {
                        var k = 1
                        while k < cue.count && ASCII.lowercased(base[i + k]) == cue[k] { k += 1 }
                        if k == cue.count { return true }
                    }
                default: break
                }
                i += 1
            }
            return false
        }
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
