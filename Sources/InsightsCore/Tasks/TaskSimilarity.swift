import Foundation

/// How alike two task titles are: IDF-weighted overlap of their stemmed content words.
///
/// With `w(t) = ln(1 + N / df(t))` over all N task titles, `score(A, B)` is the mean of the weighted
/// overlap coefficient `w(A∩B) / min(w(A), w(B))` and the weighted Jaccard `w(A∩B) / w(A∪B)`, and is 0 unless
/// the titles share at least two words (or are the same single word). Two titles that each name a ticket or
/// version the other does not (`AUT-127`, `v2`: letters then digits) score 0 whatever else they share:
/// `AUT-127: Fix retry logic for large accounts` and `DAS-240: Fix retry logic for large accounts` are two
/// pieces of work.
/// `"Add security headers"` vs `"Security headers on the dashboard"` → about 0.8 (containment 1, Jaccard ~0.6).
public struct TaskSimilarity: Sendable {
    /// Score at or above which two mentions are the same work (chosen on the corpus; see `TaskTracker`).
    public static let defaultThreshold = 0.55

    /// Every comparable word seen, numbered in order of first sight.
    private var ids: [String: Int32] = [:]
    /// Per word id: in how many titles it occurs, then its IDF weight (after `freeze()`).
    private(set) var documentFrequency: [Int32] = []
    /// Per word id: whether it names a ticket (`isTicket(_:)`).
    private var ticketWords: [Bool] = []
    private var weights: [Double] = []
    private(set) var documents = 0

    public init() {}

    /// A title's comparable words as sorted word ids, whole and head only, with their weights.
    struct Shape: Sendable {
        var full: [Int32]
        var head: [Int32]
        var fullWeight = 0.0
        var headWeight = 0.0
        /// The whole title's one ticket or version word (`TaskSimilarity.isTicket`), else
        /// `ShapeView.severalTickets` or `noTicket`.
        var ticket = ShapeView.noTicket
        var isHeadDifferent: Bool { head != full }

        /// `body` with this shape seen in place.
        func withView<R>(_ body: (ShapeView) -> R) -> R {
            let different = isHeadDifferent
            return full.withUnsafeBufferPointer { f in
                head.withUnsafeBufferPointer { h in
                    body(ShapeView(full: f, head: h, fullWeight: fullWeight, headWeight: headWeight, ticket: ticket,
                                   isHeadDifferent: different))
                }
            }
        }
    }

    /// A weighed shape read in place: a `Shape`'s arrays, or a stored shape's words in its store's buffer.
    struct ShapeView {
        var full: UnsafeBufferPointer<Int32>
        var head: UnsafeBufferPointer<Int32>
        var fullWeight: Double
        var headWeight: Double
        /// The whole title's one ticket word, else `severalTickets` or `noTicket`.
        var ticket: Int32
        var hasTicket: Bool { ticket != Self.noTicket }
        var isHeadDifferent: Bool

        static let noTicket: Int32 = -1
        static let severalTickets: Int32 = -2
    }

    /// Many titles' shapes in one buffer of word ids, read in place with their weights (`withViews`): a mention
    /// keeps only its shape's position.
    struct ShapeStore {
        private var words: [Int32] = []
        /// Where each shape's words start, and how many are the whole title's; the head's follow unless the
        /// head is the whole title.
        private var starts: [Int32] = [0]
        private var fullCounts: [Int32] = []
        /// Per shape, once weighed (`weigh(by:)`): the whole title's and the head's weight, and whether the
        /// title names a ticket.
        private var fullWeights: [Double] = []
        private var headWeights: [Double] = []
        /// Per shape: its one ticket word, else `ShapeView.severalTickets` or `noTicket`.
        private var tickets: [Int32] = []

        var count: Int { fullCounts.count }

        /// Works out every shape's weights (after `freeze()`).
        mutating func weigh(by similarity: TaskSimilarity) {
            fullWeights = []; headWeights = []; tickets = []
            fullWeights.reserveCapacity(count); headWeights.reserveCapacity(count); tickets.reserveCapacity(count)
            for i in 0..<count {
                let start = Int(starts[i]), end = Int(starts[i + 1]), split = start + Int(fullCounts[i])
                let full = words[start..<split]
                let fullWeight = full.reduce(0) { $0 + similarity.weight($1) }
                fullWeights.append(fullWeight)
                headWeights.append(split == end ? fullWeight : words[split..<end].reduce(0) { $0 + similarity.weight($1) })
                tickets.append(similarity.ticket(of: full))
            }
        }

        /// Calls `body` with a function that views weighed shape `i` in place (valid only inside `body`).
        func withViews<R>(_ body: ((Int) -> ShapeView) -> R) -> R {
            words.withUnsafeBufferPointer { buffer in
                body { i in
                    let start = Int(starts[i]), end = Int(starts[i + 1]), split = start + Int(fullCounts[i])
                    let full = UnsafeBufferPointer(rebasing: buffer[start..<split])
                    return ShapeView(full: full, head: split == end ? full : UnsafeBufferPointer(rebasing: buffer[split..<end]),
                                     fullWeight: fullWeights[i], headWeight: headWeights[i],
                                     ticket: tickets[i],
                                     isHeadDifferent: split != end)
                }
            }
        }

        /// Room for `shapes` shapes of about eight words each.
        mutating func reserve(_ shapes: Int) {
            words.reserveCapacity(shapes * 8); starts.reserveCapacity(shapes + 1); fullCounts.reserveCapacity(shapes)
        }

        mutating func append(_ shape: Shape) {
            words += shape.full
            if shape.isHeadDifferent { words += shape.head }
            fullCounts.append(Int32(shape.full.count))
            starts.append(Int32(words.count))
        }
    }

    /// The shape of a title; its words count toward document frequency (call before `freeze()`).
    mutating func shape(of title: String) -> Shape { shape(of: Self.forms(of: title)) }

    /// The shape of a title from its forms (worked out once, when its note was ingested).
    mutating func shape(of forms: TitleForms) -> Shape {
        let full = ids(of: forms.full)
        let head = forms.head.map { ids(of: $0) } ?? full
        documents += 1
        for id in full { documentFrequency[Int(id)] += 1 }
        return Shape(full: full, head: head.isEmpty ? full : head)
    }

    /// Forms as sorted, unique word ids, numbered in order of first sight.
    private mutating func ids(of forms: [String]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(forms.count)
        for form in forms {
            if let existing = ids[form] { out.append(existing); continue }
            let id = Int32(documentFrequency.count)
            ids[form] = id
            documentFrequency.append(0)
            ticketWords.append(Self.isTicket(form))
            out.append(id)
        }
        out.sort()
        var unique: [Int32] = []
        unique.reserveCapacity(out.count)
        for id in out where unique.last != id { unique.append(id) }
        return unique
    }

    /// Computes every word's weight `ln(1 + N / df)` once all titles are counted.
    mutating func freeze() {
        let n = Double(max(documents, 1))
        weights = documentFrequency.map { log(1 + n / Double(max($0, 1))) }
    }

    func weight(_ id: Int32) -> Double { weights[Int(id)] }

    func isTicketWord(_ id: Int32) -> Bool { ticketWords[Int(id)] }

    /// `shape` with its weights filled in (after `freeze()`).
    func weighed(_ shape: Shape) -> Shape {
        var s = shape
        s.fullWeight = s.full.reduce(0) { $0 + weight($1) }
        s.ticket = ticket(of: s.full)
        s.headWeight = s.isHeadDifferent ? s.head.reduce(0) { $0 + weight($1) } : s.fullWeight
        return s
    }

    /// Whether a comparable word names a ticket or a version: letters, then digits (`aut127` from `AUT-127`,
    /// `v2`, `node18`).
    static func isTicket(_ form: String) -> Bool {
        var letters = 0, digits = 0
        for b in form.utf8 {
            if (b >= 97 && b <= 122) || (b >= 65 && b <= 90) {
                guard digits == 0 else { return false }
                letters += 1
            } else if b >= 48 && b <= 57 {
                digits += 1
            } else {
                return false
            }
        }
        return letters > 0 && digits > 0
    }

    /// The one ticket word among `words`, else `ShapeView.severalTickets` or `noTicket`.
    func ticket<Words: Collection<Int32>>(of words: Words) -> Int32 {
        var found = ShapeView.noTicket
        for id in words where ticketWords[Int(id)] {
            guard found == ShapeView.noTicket else { return ShapeView.severalTickets }
            found = id
        }
        return found
    }

    /// Whether each of two whole titles' word ids (sorted) holds a ticket the other does not.
    func namesOtherTickets(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>) -> Bool {
        var i = 0, j = 0
        var onlyA = false, onlyB = false
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                onlyA = onlyA || ticketWords[Int(a[i])]; i += 1
            } else if i == a.count || b[j] < a[i] {
                onlyB = onlyB || ticketWords[Int(b[j])]; j += 1
            } else {
                i += 1; j += 1
            }
        }
        return onlyA && onlyB
    }

    /// The better of the whole-title score and the head-only score of two weighed shapes; 0 when they name
    /// different tickets.
    func score(_ a: Shape, _ b: Shape) -> Double {
        a.withView { a in b.withView { b in score(a, b) } }
    }

    /// `score` of two shapes seen in place.
    func score(_ a: ShapeView, _ b: ShapeView) -> Double {
        if a.hasTicket && b.hasTicket {
            // Each naming one ticket (most titles that name any): a word is a ticket wherever it occurs, so each
            // holds a ticket the other does not exactly when the two differ.
            if a.ticket >= 0 && b.ticket >= 0 { if a.ticket != b.ticket { return 0 } }
            else if namesOtherTickets(a.full, b.full) { return 0 }
        }
        let whole = score(a.full, a.fullWeight, b.full, b.fullWeight)
        if !a.isHeadDifferent && !b.isHeadDifferent { return whole }
        return max(whole, score(a.head, a.headWeight, b.head, b.headWeight))
    }

    /// The score of two sorted word-id lists whose weights are known, in 0...1.
    func score(_ a: UnsafeBufferPointer<Int32>, _ wa: Double, _ b: UnsafeBufferPointer<Int32>, _ wb: Double) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var i = 0, j = 0, shared = 0
        var wShared = 0.0
        while i < a.count && j < b.count {
            if a[i] == b[j] { shared += 1; wShared += weight(a[i]); i += 1; j += 1 }
            else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        // One shared word is enough only between two one-word titles that are the same word.
        guard shared >= 2 || (a.count == 1 && b.count == 1 && shared == 1) else { return 0 }
        let containment = wShared / min(wa, wb)
        let jaccard = wShared / (wa + wb - wShared)
        return (containment + jaccard) / 2
    }

    /// The score of two titles among `corpus` titles (for explaining a merge; the tracker uses shapes).
    ///
    /// `TaskSimilarity.score("Add security headers", "Security headers on the dashboard", among: titles)` → ~0.8.
    public static func score(_ a: String, _ b: String, among corpus: [String]) -> Double {
        var s = TaskSimilarity()
        var shapes = [s.shape(of: a), s.shape(of: b)]
        for t in corpus { _ = s.shape(of: t) }
        s.freeze()
        shapes = shapes.map(s.weighed)
        return s.score(shapes[0], shapes[1])
    }
}
