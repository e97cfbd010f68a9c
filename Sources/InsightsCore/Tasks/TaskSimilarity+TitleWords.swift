import Foundation

/// The comparable words of a task title, in the order they are written (stop-words and status words out,
/// abbreviations expanded, stemmed), and those of its head when the head is not the whole title.
public struct TitleForms: Sendable, Hashable {
    public var full: [String]
    public var head: [String]?

    public init(full: [String], head: [String]?) { self.full = full; self.head = head }
}

/// How a title becomes its comparable words: its head, ticket keys joined, abbreviations expanded, status
/// and stop words dropped, the rest stemmed (through a cache each thread keeps from note to note).
extension TaskSimilarity {
    /// A title's comparable words (`TitleForms`): the whole title's, and its head's when the head differs.
    ///
    /// `TaskSimilarity.forms(of: "Env var docs")` → `full: ["environ", "variabl", "document"]`, `head: nil`.
    public static func forms(of title: String) -> TitleForms {
        var stems = StemCache()
        return forms(of: title, stems: &stems)
    }

    /// `forms(of:)` through `stems`, which many titles share (a thread's, from note to note: stemming is most of
    /// the work).
    static func forms(of title: String, stems: inout StemCache) -> TitleForms {
        let headText = head(title)
        return TitleForms(full: words(title, stems: &stems), head: headText == title ? nil : words(headText, stems: &stems))
    }

    /// Content word → its comparable form (abbreviation expanded, stemmed), or nil for a stop-word.
    struct StemCache: Sendable {
        var forms: [String: String?] = [:]
        /// The same for ASCII words of up to 16 bytes, keyed by their lowercased bytes (`ShortWord`), so that a
        /// word seen before is looked up without making a `String` of it.
        var shortForms: [ShortWord: String?] = [:]

        /// The cache of the calling thread, kept from one note to the next.
        static let ofThisThread = PerThread { StemCache() }
        /// Words each of its tables holds at most (about half a megabyte); when one is full it starts again empty.
        static let capacity = 8_192

        mutating func form(_ word: String) -> String? {
            if let known = forms[word] { return known }
            if forms.count >= Self.capacity { forms.removeAll() }
            let form = Self.form(of: word)
            forms[word] = form
            return form
        }

        /// The forms of the words of ASCII `bytes`, ticket keys joined (`joinIdentifiers`), in order (as
        /// `Tokens.words` splits them, stop-words left out); nil when a byte is not ASCII. Looking up a `String`
        /// per word was 2.5% of the instructions of a cold ingest, and copying each title that holds a key to
        /// join it 1.2%.
        mutating func asciiForms(of bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
            var out: [String] = []
            out.reserveCapacity(bytes.count / 8 + 1)  // a title has a form per 10 bytes or so
            func add(_ word: UnsafeBufferPointer<UInt8>) {
                guard let key = ShortWord(word) else {
                    if let form = form(Self.lowercased(word)) { out.append(form) }
                    return
                }
                let form: String?
                if let known = shortForms[key] { form = known } else {
                    if shortForms.count >= Self.capacity { shortForms.removeAll() }
                    form = Self.form(of: Self.lowercased(word))
                    shortForms[key] = form
                }
                if let form { out.append(form) }
            }
            // A word is added once the next is known: a word of letters, a `-` and a word of digits are one
            // ticket key (`\b[A-Za-z]+-[0-9]+\b`: words are whole runs of letters, digits and `_`).
            var pending: (start: Int, end: Int, isLetters: Bool)?
            var key: [UInt8] = []
            let isASCII = Tokens.forEachASCIIWord(in: bytes) { start, end in
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if let p = pending, p.isLetters, start == p.end + 1, bytes[p.end] == UInt8(ascii: "-"), word.allSatisfy(ASCII.isDigit) {
                    key.removeAll(keepingCapacity: true)
                    key += bytes[p.start..<p.end]
                    key += word
                    key.withUnsafeBufferPointer { add($0) }
                    pending = nil
                    return
                }
                if let p = pending { add(UnsafeBufferPointer(rebasing: bytes[p.start..<p.end])) }
                pending = (start, end, word.allSatisfy(ASCII.isLetter))
            }
            if let p = pending { add(UnsafeBufferPointer(rebasing: bytes[p.start..<p.end])) }
            return isASCII ? out : nil
        }

        private static func lowercased(_ word: UnsafeBufferPointer<UInt8>) -> String {
            String(unsafeUninitializedCapacity: word.count) { buffer in
                for i in word.indices { buffer[i] = ASCII.lowercased(word[i]) }
                return word.count
            }
        }

        private static func form(of word: String) -> String? {
            let expanded = TaskSimilarity.abbreviations[word] ?? word
            if TaskSimilarity.statusWords.contains(word) || expanded.count < 2 || Tokens.stopWords.contains(expanded)
                || Tokens.isNumber(expanded) {
                return nil
            }
            let stemmed = Stemmer.stem(expanded)
            return Tokens.stopWords.contains(stemmed) ? nil : stemmed
        }
    }

    /// The comparable words of a title: `Tokens.content` after expanding common abbreviations.
    ///
    /// `TaskSimilarity.tokens("Env var docs")` → `["environ", "variabl", "document"]`.
    public static func tokens(_ title: String) -> Set<String> {
        var stems = StemCache()
        return Set(words(title, stems: &stems))
    }

    static func words(_ title: String, stems: inout StemCache) -> [String] {
        var title = title
        if let forms = title.withUTF8({ stems.asciiForms(of: $0) }) { return forms }
        return Tokens.words(joinIdentifiers(title)).compactMap { stems.form($0) }
    }

    /// `ROAD-034`, `FEAT-9`, `T-36` become one word (`ROAD034`), so two different tickets never share `road` alone.
    /// (`checks: false` skips `mayHoldIdentifier`, for tests that compare the two.)
    static func joinIdentifiers(_ text: String, checks: Bool = true) -> String {
        guard !checks || mayHoldIdentifier(text) else { return text }
        // On bytes: the letters and digits of a key are ASCII, so a run of them is a run of bytes; only the
        // characters just outside it are read as scalars.
        let bytes = Array(text.utf8)
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isWord(_ scalar: Range<Int>) -> Bool {
            guard !scalar.isEmpty else { return false }
            if scalar.count == 1 && bytes[scalar.lowerBound] < 0x80 {
                let b = bytes[scalar.lowerBound]
                return isLetter(b) || isDigit(b) || b == UInt8(ascii: "_")
            }
            return String(decoding: bytes[scalar], as: UTF8.self).unicodeScalars.first.map(Scalars.isWord) ?? false
        }
        func isContinuation(_ i: Int) -> Bool { bytes[i] & 0xC0 == 0x80 }
        var dropped: [Int] = []
        for i in bytes.indices where bytes[i] == UInt8(ascii: "-") {
            var start = i
            while start > 0 && isLetter(bytes[start - 1]) { start -= 1 }
            var end = i + 1
            while end < bytes.count && isDigit(bytes[end]) { end += 1 }
            guard start < i && end > i + 1 else { continue }
            // The scalars just before and just after the run.
            var before = start
            if before > 0 { before -= 1; while before > 0 && isContinuation(before) { before -= 1 } }
            var after = end
            if after < bytes.count { after += 1; while after < bytes.count && isContinuation(after) { after += 1 } }
            // `\b[A-Za-z]+-[0-9]+\b`: whole runs, letters first, digits last.
            if !isWord(before..<start) && !isWord(end..<after) { dropped.append(i) }
        }
        guard !dropped.isEmpty else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - dropped.count)
        var from = 0
        for i in dropped { out += bytes[from..<i]; from = i + 1 }
        out += bytes[from...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a `-` in `text` has an ASCII letter just before it and an ASCII digit just after, as every
    /// identifier `joinIdentifiers` joins has. Most titles have none (their dashes separate words), and copying
    /// their bytes to find that out was a quarter of the time of reading a title's words.
    static func mayHoldIdentifier(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            ASCII.anyPosition(of: UInt8(ascii: "-"), in: bytes, from: 1) { i in
                i + 1 < bytes.count && ASCII.isLetter(bytes[i - 1]) && ASCII.isDigit(bytes[i + 1])
            }
        }
    }

    /// The head of a title: parentheses dropped, cut at the first `;`, `: `, ` — ` or ` - `. A title led by a
    /// ticket key (`AUT-127: Fix retry logic`) has the key as its head, so a later `[x] AUT-127` closes it.
    ///
    /// `TaskSimilarity.head("Outbound webhook retries with backoff; customers are still losing events")` →
    /// `"Outbound webhook retries with backoff"`.
    public static func head(_ title: String) -> String {
        if let ascii = asciiHead(title) { return ascii }
        guard title.contains(where: { $0 == "(" || $0 == ";" || $0 == ":" || $0 == "—" || $0 == "–" || $0 == "-" }) else { return title }
        var out: [Character] = []
        var depth = 0
        for c in title {
            if c == "(" { depth += 1; continue }
            if c == ")" { depth = max(depth - 1, 0); continue }
            if depth == 0 { out.append(c) }
        }
        // Cut at the first separator found after the fourth character.
        var i = 4
        while i < out.count {
            let c = out[i]
            let next: Character? = i + 1 < out.count ? out[i + 1] : nil
            let previous = out[i - 1]
            if (c == ";" || c == ":") && next == " " { return String(out[..<i]) }
            if (c == "—" || c == "–" || c == "-") && previous == " " && next == " " { return String(out[..<(i - 1)]) }
            i += 1
        }
        return String(out)
    }

    /// `head` on the bytes of an ASCII title (each byte one character: no `\r\n`); nil for any other title.
    static func asciiHead(_ title: String) -> String? {
        var text = title
        return text.withUTF8 { bytes -> String? in
            var hasSeparator = false
            for b in bytes {
                if b >= 0x80 || b == 0x0d { return nil }
                if b == 0x28 || b == 0x3b || b == 0x3a || b == 0x2d { hasSeparator = true }   // ( ; : -
            }
            guard hasSeparator else { return title }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var depth = 0
            for b in bytes {
                if b == 0x28 { depth += 1; continue }
                if b == 0x29 { depth = max(depth - 1, 0); continue }
                if depth == 0 { out.append(b) }
            }
            let space = UInt8(ascii: " ")
            var i = 4
            while i < out.count {
                let c = out[i]
                let next: UInt8? = i + 1 < out.count ? out[i + 1] : nil
                if (c == 0x3b || c == 0x3a) && next == space { return String(decoding: out[..<i], as: UTF8.self) }
                if c == 0x2d && out[i - 1] == space && next == space { return String(decoding: out[..<(i - 1)], as: UTF8.self) }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Words that say how the work stands, not what it is ("reopened", "still", "again").
    static let statusWords: Set<String> = [
        "reopen", "reopened", "reopening", "again", "still", "remaining", "pending", "finish", "finished",
        "complete", "completed", "completing", "wip", "blocked", "blocker", "open", "closed", "resolved", "resolve",
    ]

    /// Short forms notes use for the same thing, expanded before stemming.
    static let abbreviations: [String: String] = [
        "env": "environment", "envs": "environment", "var": "variable", "vars": "variables",
        "doc": "documentation", "docs": "documentation", "document": "documentation", "documenting": "documentation",
        "config": "configuration", "configs": "configuration", "configure": "configuration",
        "repo": "repository", "repos": "repository", "db": "database", "dbs": "database",
        "deps": "dependencies", "dep": "dependency", "perf": "performance", "impl": "implementation",
        "auth": "authentication", "msg": "message", "msgs": "messages", "req": "request", "reqs": "requests",
    ]
}
