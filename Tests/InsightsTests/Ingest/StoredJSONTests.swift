import Foundation
import Testing
import InsightsCore
import InsightsMarkdown
@testable import InsightsStore

/// The index's own JSON encoder writes exactly what Foundation's `JSONEncoder` (`.sortedKeys`) writes.
@Suite("Stored JSON")
struct StoredJSONTests {
    static func foundation<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }

    /// Every corpus note's session and every shipped journal note's.
    static func sessions() throws -> [Session] {
        let root = try #require(Corpus.root, "../shared/corpus/ is absent")
        let files = (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        let corpus = try files.map { file in
            NoteParser().session(from: try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8),
                                 fileName: (file as NSString).lastPathComponent)
        }
        return corpus + (try SiteFixtures.journalInput().notes.map(\.session))
    }

    @Test("every corpus and shipped session, and their tasks and failure clusters, byte for byte")
    func corpus() throws {
        let sessions = try Self.sessions()
        #expect(sessions.count > 70)
        for s in sessions { #expect(try StoredJSON.encode(s) == Self.foundation(s), "\(s.id)") }
        let tasks = TaskTracker().tasks(from: sessions)
        let clusters = FailureClusterer().clusters(sessions)
        #expect(tasks.count > 100 && clusters.count > 100)
        for t in tasks { #expect(try StoredJSON.encode(t) == Self.foundation(t), "\(t.id)") }
        for c in clusters { #expect(try StoredJSON.encode(c) == Self.foundation(c), "\(c.id)") }
    }

    enum Payload: Encodable { case one(String) }
    struct Odd: Encodable {
        var text: String
        var keyed: [String: Int]
        var empty: [String]
        var emptyKeyed: [String: String]
        var holes: [String?]
        var missing: Int?
        var small: Int8
        var big: UInt64
        var least: Int
        var nested: [[Int]]
    }
    struct WithDouble: Encodable { var ratio: Double; var name: String }
    struct WithFoundation: Encodable { var bytes: Data; var link: URL; var when: Date; var amount: Decimal }
    struct WithPayload: Encodable { var payload: Payload; var name: String }

    @Test("escapes, key order, empty containers, nil, other integers; a Double or a nested container goes to Foundation")
    func edges() throws {
        let controls = String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) })
        let odd = Odd(text: controls + "\"q\" \\ a/b \u{7F} \u{2028} é e\u{301} 🚀 <b>", keyed: ["b": 1, "B": 2, "a_b": 3, "aB": 4, "é": 5, "z10": 6, "z1": 7],
                      empty: [], emptyKeyed: [:], holes: ["x", nil, "y"], missing: nil, small: -5, big: .max, least: .min,
                      nested: [[], [1, 2], [3]])
        #expect(try StoredJSON.encode(odd) == Self.foundation(odd))
        #expect(String(decoding: try StoredJSON.encode(odd), as: UTF8.self).contains(#""text":"\u0000\u0001"#))
        let double = WithDouble(ratio: 0.55, name: "d")
        #expect(try StoredJSON.encode(double) == Self.foundation(double))
        let payload = WithPayload(payload: .one("x"), name: "p")
        #expect(try StoredJSON.encode(payload) == Self.foundation(payload))
        #expect(throws: StoredJSON.Unsupported.self) { var out: [UInt8] = []; try StoredJSON.write(payload, into: &out) }
        // Types Foundation encodes its own way (base64, a string, seconds, a decimal number).
        let foundation = WithFoundation(bytes: Data([1, 2, 3]), link: URL(string: "https://x.org/a")!,
                                        when: Date(timeIntervalSince1970: 1_700_000_000), amount: Decimal(string: "12.50")!)
        #expect(try StoredJSON.encode(foundation) == Self.foundation(foundation))
    }

    @Test("a character to escape at every offset of a string, through the eight-byte scan")
    func escapesAtEveryOffset() throws {
        let text = "abcdefghijklmnopqrstuvwxyz é 🚀 0123456789"
        for at in text.indices + [text.endIndex] {
            for special in ["\"", "\\", "/", "\n", "\u{1}", "\u{1F}", "\u{7F}"] {
                let value = Takeaway(title: String(text[..<at]) + special + String(text[at...]), text: special + text, line: 1)
                #expect(try StoredJSON.encode(value) == Self.foundation(value), "\(text[..<at].utf8.count) \(special.unicodeScalars.first!.value)")
            }
        }
    }

    @Test("every stored model written field by field, with each optional set and with each nil, as Foundation writes it")
    func modelsWithEveryOptional() throws {
        let mention = TaskMention(session: "s/1", date: "2026-01-02", line: 3, text: "Ship \"it\"", kind: .done, priority: "P1", priorityRank: 1)
        let bare = TaskMention(session: "s", date: "d", line: 0, text: "", kind: .open)
        for task in [
            TrackedTask(id: "t", title: "T", priority: "P0", priorityRank: 0, status: .done, mentions: [mention, bare],
                        firstSeen: "a", lastSeen: "b", resolvedIn: "s/1", resolvedOn: "2026-01-02", evidence: mention,
                        dependsOn: ["u", "v"], isReopened: true, tags: ["x", "é"]),
            TrackedTask(id: "", title: ""),
        ] { #expect(try StoredJSON.encode(task) == Self.foundation(task)) }
        let cluster = FailureCluster(id: "f", title: "Retry", sessions: 2, firstSeen: "a", lastSeen: "b", status: .recurredAfterFix,
                                     fixes: [FailureFix(session: "s", date: "d", line: 4, text: "fix")],
                                     occurrences: [FailureOccurrence(session: "s", date: "d", kind: "friction", title: "t", text: "x", line: 9)],
                                     terms: ["retri", "backoff"])
        #expect(try StoredJSON.encode(cluster) == Self.foundation(cluster))
        let empty = FailureCluster(id: "", title: "", sessions: 0, firstSeen: "", lastSeen: "", status: .single)
        #expect(try StoredJSON.encode(empty) == Self.foundation(empty))
        let full = Session(
            id: "i", title: "T", date: "2026-01-02", dateSource: "front-matter", source: "/a/b.md", hash: "h", tags: ["t"],
            fields: ["Zeta": "z", "alpha": "a", "é": "e", "Alpha": "A"],
            findings: [Finding(title: "F", category: "problem", severity: "high", fields: ["Root cause": "r"], text: "x", line: 2, section: "S"),
                       Finding(title: "G", category: "c", line: 3)],
            friction: [Friction(problem: "p", response: "r", correction: "c", header: ["Problem", "Response"], line: 4, section: "Fr")],
            completed: [Completed(title: "c", status: "Done", note: "n", line: 5, section: "D")],
            remaining: [Remaining(number: 1, title: "r", detail: "d", priority: "P2", priorityRank: 2, dependsOn: [3, 4],
                                  dependsOnText: ["#3"], line: 6, section: "R"),
                        Remaining(title: "bare", line: 7)],
            updates: [Update(title: "u", status: "done", resolves: ["r"], text: "t", line: 8), Update(title: "v", line: 9)],
            takeaways: [Takeaway(title: "k", text: "v", line: 10)],
            unclassified: [Diagnostic(line: 11, message: "m", hint: "h")],
            entry: LogEntry(heading: "## 2026-01-02", date: "2026-01-02", level: 2, startLine: 1, endLine: 12))
        #expect(try StoredJSON.encode(full) == Self.foundation(full))
        #expect(try StoredJSON.encode(Session()) == Self.foundation(Session()))
        // Read back member by member (`StoredJSONReadable`), to the same values.
        func roundTrip<T: Codable & Equatable>(_ value: T) throws {
            #expect(StoredJSON.decodedFast(T.self, from: try StoredJSON.encode(value)) == value)
        }
        try roundTrip(full); try roundTrip(Session()); try roundTrip(cluster); try roundTrip(empty); try roundTrip(mention)
        try roundTrip(TrackedTask(id: "t", title: "T", evidence: bare))
    }

    @Test("a row read member by member: unknown keys skipped; a missing key, a wrong type or an escaped key left to Foundation")
    func readingLeavesToFoundation() throws {
        let extra = Data(#"{"line": 1, "text": "x", "title": "t", "later": [1, {"a": null}]}"#.utf8)
        #expect(StoredJSON.decodedFast(Takeaway.self, from: extra) == Takeaway(title: "t", text: "x", line: 1))
        for broken in [#"{"line": 1, "text": "x"}"#, #"{"line": "1", "text": "x", "title": "t"}"#,
                       #"{"line": 1, "text": "x", "title": "t", "title": "u"}"#] {
            #expect(StoredJSON.decodedFast(Takeaway.self, from: Data(broken.utf8)) == nil, "\(broken)")
        }
        #expect(throws: DecodingError.self) { try StoredJSON.decode(Takeaway.self, from: Data(#"{"line": 1, "text": "x"}"#.utf8)) }
        // A key written with escapes is the same key to Foundation.
        let escaped = Data(#"{"line": 1, "text": "x", "\u0074itle": "t"}"#.utf8)
        #expect(StoredJSON.decodedFast(Takeaway.self, from: escaped) == nil)
        #expect(try StoredJSON.decode(Takeaway.self, from: escaped) == Takeaway(title: "t", text: "x", line: 1))
    }
}
