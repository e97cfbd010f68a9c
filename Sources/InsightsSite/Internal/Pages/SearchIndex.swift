import Foundation
import InsightsCore

/// The browser's search index: a script assigning `window.INSIGHTS_INDEX`, loadable from `file://`.
///
/// Items (sessions, findings, friction rows, tasks, ...) become docs `[kind, length, title, snippet?, ref?]`,
/// grouped by page: `pages` holds `[path, date, docCount]` in doc order, or `[name, docCount]` for the page
/// `sessions/name.html` whose date starts its name. `kind` is the kind's position in `SearchIndex.kinds`, plus
/// 10 × (1 + rank) for an item with a priority (`24`: a remaining item of P1). An item's anchor is `kind-N`
/// (its N-th item of that kind on the page: `finding-3`) or `kind-ref` (`task-T-ab12cd`), and a task's or
/// failure's snippet follows its ref (`T-ab12cd · ` + `open · last seen …`); a session doc is the page itself.
/// The kinds and the stop words are constants of the search script (`templates/site.js`), not written here.
/// Terms are sorted and front-coded (`"3ion"` = the previous term's first 3 characters + `ion`, prefix length in
/// base 36), space-separated; `post` holds, in the same order, each term's doc ids,
/// delta-coded as 5-bit digits (`wxyzA…_` continue, `0…v` end a number). No term frequencies: items are short,
/// and the browser counts a word in the doc's stored title twice. Only short titles and snippets are stored,
/// never whole notes; a session's own doc indexes only the words of its note that none of its items index. A
/// title or snippet equal to one of the last `repeatWindow` distinct ones written is given as the number of the
/// doc that wrote it (`[3,14,1207]`: the title of doc 1207): work carried over from note to note repeats its
/// title in each.
struct SearchIndex {
    static let kinds = ["session", "finding", "friction", "completed", "remaining", "update", "takeaway", "task", "failure"]
    static let summaryFields = ["focus", "goal", "summary", "outcome", "objective", "context"]
    /// Kinds whose results show a snippet under the title (the others' titles say it all).
    static let snippetKinds: Set<String> = ["session", "finding", "friction", "takeaway", "update", "task", "failure"]
    static let titleLimit = 52
    static let snippetLimit = 52

    /// Pages in doc order, with their date and number of docs.
    private var pages: [(path: String, date: String, count: Int)] = []
    /// How many docs have been written.
    private var docCount = 0
    /// The words met that have an indexed shape, stop words included, each numbered once: a word is hashed once
    /// per occurrence, not once per check.
    private var terms = TermTable()
    /// The indexed words of the text being added, by number (reused from doc to doc).
    private var words: [Int32] = []
    private var totalLength = 0
    /// Titles and snippets of recent docs, by text: the first doc that wrote each.
    private var recentTitles = RecentStrings(capacity: SearchIndex.repeatWindow)
    private var recentSnippets = RecentStrings(capacity: SearchIndex.repeatWindow)
    /// How many of the latest distinct titles (and, apart, snippets) a repeat is looked for among.
    static let repeatWindow = 8192

    /// Writes the whole script for `plan` into `out`, deterministic: terms sorted, postings in doc order. The docs
    /// come first and are written as they are made (kept until the end, they were 30 MB at 50,000 notes); the
    /// figures that need all of them follow.
    /// The sessions are read back from the plan's source a batch at a time.
    static func write<Output: TemplateOutput>(_ plan: SitePlan, into out: inout Output) throws {
        out.append("window.INSIGHTS_INDEX={\"v\":5,\"docs\":[")
        var index = SearchIndex()
        try index.add(plan, docs: &out)
        index.finish(into: &out)
    }

    private init() {}

    private mutating func add<Output: TemplateOutput>(_ plan: SitePlan, docs out: inout Output) throws {
        try plan.forEachNote { n, note in
            let s = note.session
            let page = plan.summaries[n].path
            let noteNumber = Int32(n)
            func item(_ kind: String, _ i: Int, _ title: String, _ snippet: String, _ priority: Int?, _ body: String) {
                add(page: page, date: s.date, kind: kind, title: title, snippet: snippet, priority: priority,
                    body: body, note: noteNumber, into: &out)
            }
            for (i, f) in s.findings.enumerated() {
                item("finding", i, f.title, f.text, f.severity.flatMap { Priority.rank($0, .default) }, f.text + " " + f.category)
            }
            for (i, f) in s.friction.enumerated() {
                item("friction", i, f.problem, f.correction.isEmpty ? f.response : f.correction, nil, f.response + " " + f.correction)
            }
            for (i, c) in s.completed.enumerated() { item("completed", i, c.title, c.note, nil, c.note) }
            for (i, r) in s.remaining.enumerated() {
                item("remaining", i, r.title, r.detail, r.priorityRank, r.detail)
            }
            for (i, u) in s.updates.enumerated() { item("update", i, u.title, u.status ?? "", nil, u.text) }
            for (i, t) in s.takeaways.enumerated() { item("takeaway", i, t.title, t.text, nil, t.text) }
            let focus = Self.summaryFields.lazy.compactMap { key in s.fields.first { $0.key.lowercased() == key }?.value }.first ?? ""
            add(page: page, date: s.date, kind: "session", title: s.title, snippet: focus, priority: nil,
                body: note.markdown + " " + s.tags.joined(separator: " "), excludingNote: noteNumber, into: &out)
        }
        // Open and blocked tasks only: a done task's mentions are its sessions' remaining and completed items,
        // indexed on their pages (at 50,000 generated notes, 74,000 done tasks were a sixth of the index).
        for t in plan.tasks where t.status != .done {
            add(page: "tasks.html", date: "", ref: SafePath.anchor(t.id), kind: "task", title: t.title,
                snippet: "\(t.status.rawValue) · last seen \(t.lastSeen)", priority: t.priorityRank, body: t.mentions.map(\.text).joined(separator: " "), into: &out)
        }
        // Recurring failures only: one seen in a single session is the finding or friction row already
        // indexed on its session page (at 10,000 generated notes, 17,000 such docs were a fifth of the index).
        for f in plan.failures where f.sessions >= 2 {
            add(page: "failures.html", date: "", ref: SafePath.anchor(f.id), kind: "failure", title: f.title,
                snippet: "\(f.sessions) sessions · \(FailureLabels.status(f.status))", priority: nil,
                body: f.occurrences.map(\.title).joined(separator: " ") + " " + f.terms.joined(separator: " "), into: &out)
        }
    }

    /// Adds one doc, written to `out`. Its words are marked as covered by note `note`, if given; body words that
    /// note `excludingNote`'s items covered are left out unless the title has them too.
    private mutating func add<Output: TemplateOutput>(page: String, date: String, ref: String? = nil, kind: String,
                                                      title: String, snippet: String, priority: Int?, body: String,
                                                      note: Int32 = -1, excludingNote: Int32 = -1,
                                                      into out: inout Output) {
        let doc = Int32(docCount)
        var length = 0
        terms.indexedIDs(in: title, into: &words)
        for id in words {
            length += 2
            terms.post(Int(id), doc: doc, note: note)
        }
        terms.indexedIDs(in: body, into: &words)
        for id in words {
            let t = Int(id)
            length += 1
            if terms.lastDoc[t] == doc || excludingNote < 0 || terms.lastNote[t] != excludingNote {
                terms.post(t, doc: doc, note: note)
            }
        }
        totalLength += length
        if pages.last?.path == page { pages[pages.count - 1].count += 1 } else { pages.append((page, date, 1)) }
        let fullTitle = HTMLText.plain(title)
        var plainSnippet = Self.snippetKinds.contains(kind) ? HTMLText.plain(snippet) : ""
        if plainSnippet.hasPrefix(fullTitle) { plainSnippet = String(plainSnippet.dropFirst(fullTitle.count)) }
        plainSnippet = Self.trimmingSnippetEdges(plainSnippet)
        plainSnippet = HTMLText.excerpt(plainSnippet, limit: Self.snippetLimit)
        let kindNumber = (Self.kinds.firstIndex(of: kind) ?? 0) + (priority.map { 10 * (1 + min(max($0, 0), 3)) } ?? 0)
        var fields = [String(kindNumber), String(length), recentTitles.field(HTMLText.excerpt(fullTitle, limit: Self.titleLimit), doc: doc)]
        if !plainSnippet.isEmpty || ref != nil { fields.append(recentSnippets.field(plainSnippet, doc: doc)) }
        if let ref { fields.append(JS.string(ref)) }
        out.append((docCount > 0 ? ",[" : "[") + fields.joined(separator: ",") + "]")
        docCount += 1
    }

    /// The characters a snippet does not start or end with, once its title is cut from it.
    private static let snippetEdges: Set<Unicode.Scalar> = [" ", ":", "-", "–", "—", ".", ",", ";"]

    /// `text` without `snippetEdges` at either end, scalar by scalar as Foundation's `trimmingCharacters(in:)`
    /// trims (which, with the set made for each doc, was 1% of a build).
    static func trimmingSnippetEdges(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !snippetEdges.contains($0) }),
              let last = scalars.lastIndex(where: { !snippetEdges.contains($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// A page's entry: `[name, count]` for `sessions/name.html` when its date starts its name, else
    /// `[path, date, count]`.
    static func pageField(_ page: (path: String, date: String, count: Int)) -> String {
        let prefix = "sessions/", suffix = ".html"
        if page.path.hasPrefix(prefix), page.path.hasSuffix(suffix), page.date.utf8.count == 10 {
            let name = page.path.dropFirst(prefix.utf8.count).dropLast(suffix.utf8.count)
            if name.hasPrefix(page.date), !name.utf8.contains(UInt8(ascii: "/")) { return "[\(JS.string(String(name))),\(page.count)]" }
        }
        return "[\(JS.string(page.path)),\(JS.string(page.date)),\(page.count)]"
    }

    static let endDigits = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    static let moreDigits = Array("wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)

    /// `n` as 5-bit digits, least significant first: `moreDigits` for all but the last, which is an `endDigits`.
    static func appendNumber(_ n: Int, to out: inout [UInt8]) {
        var v = n
        while v >= 32 { out.append(moreDigits[v & 31]); v >>= 5 }
        out.append(endDigits[v])
    }

    /// Whether a word has the shape of one worth indexing: 2 to 40 characters, not a bare number other than a
    /// 3-digit code (404, 500). Stop words are left out too, by `TermTable`, which checks each word once.
    static func hasIndexedShape(_ w: String) -> Bool {
        if w.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: a character per byte, and only the ten digits are numbers.
            let n = w.utf8.count
            guard n > 1, n <= 40 else { return false }
            return !w.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) || n == 3
        }
        guard w.count > 1, w.count <= 40 else { return false }
        return !w.allSatisfy(\.isNumber) || w.count == 3
    }

    /// Ends the script after the docs: the average length, kinds, stop words, pages, terms and postings.
    /// Consumes the index: each term's postings, kept coded, go once they are written.
    private consuming func finish<Output: TemplateOutput>(into out: inout Output) {
        var termText = ""
        var previousTerm: [UInt16] = []
        let posted = terms.postedInOrder()
        for (n, (term, _)) in posted.enumerated() {
            if n > 0 { termText += " " }
            // Shared prefixes are counted in UTF-16 units, as JavaScript strings count, never splitting a pair.
            let units = Array(term.utf16)
            var shared = 0
            while shared < min(35, units.count, previousTerm.count) && units[shared] == previousTerm[shared] { shared += 1 }
            if shared > 0 && UTF16.isLeadSurrogate(units[shared - 1]) { shared -= 1 }
            termText += String(shared, radix: 36); termText += String(decoding: units[shared...], as: UTF16.self)
            previousTerm = units
        }
        var tail = "],\n\"avg\":"
        tail += String(docCount == 0 ? 1 : max(1, totalLength / docCount))
        tail += ",\"pages\":[" + pages.map(Self.pageField).joined(separator: ",") + "]"
        pages = []
        out.append(tail)
        out.append(",\n\"terms\":"); out.append(JS.string(termText))
        termText = ""
        // Postings are base-32 digits and spaces: nothing to escape.
        out.append(",\n\"post\":\"")
        for (n, (_, t)) in posted.enumerated() {
            if n > 0 { out.append(" ") }
            out.append(String(decoding: terms.takePostings(t), as: UTF8.self))
        }
        out.append("\"};\n")
    }
}

/// The last `capacity` distinct strings written, each with the doc that first wrote it: a doc field is the
/// string, or the number of the recent doc that holds it. Strings under 8 bytes are always written out (a doc
/// number is up to 7 digits).
struct RecentStrings {
    let capacity: Int
    private var first: [String: Int32] = [:]
    /// Oldest first, as a ring: `next` is where the next string goes.
    private var order: [String] = []
    private var next = 0

    init(capacity: Int) { self.capacity = capacity }

    /// The field for `text` in doc `doc`: a reference to the recent doc holding it, else the literal (noted).
    mutating func field(_ text: String, doc: Int32) -> String {
        guard text.utf8.count >= 8, capacity > 0, doc < 10_000_000 else { return JS.string(text) }
        if let earlier = first[text] { return String(earlier) }
        if order.count < capacity {
            order.append(text)
        } else {
            first[order[next]] = nil
            order[next] = text
            next = (next + 1) % capacity
        }
        first[text] = doc
        return JS.string(text)
    }
}

/// JavaScript/JSON string literals that are safe anywhere (quotes, backslashes, controls, `<`, U+2028/9 escaped).
enum JS {
    static func string(_ s: String) -> String {
        // Most strings need no escape at all.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x3C && $0 != 0xE2 }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
