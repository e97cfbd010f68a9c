import InsightsCore

/// A type read from its stored JSON member by member (one pass over the object, keys compared as bytes)
/// instead of through `Decodable`, whose keyed containers look every key up again (decoding sessions, tasks
/// and failure clusters is a tenth of a site build). What it makes is what `JSONDecoder` makes: a missing
/// required key, a wrong type or a key written with escapes throws, and `JSONDecoder` then reads the row and
/// gives the error (`StoredJSON.decode`). `StoredJSONDecodingTests` compares both on every corpus row.
protocol StoredJSONReadable {
    init(document: JSONDocument, at index: Int) throws
}

/// An object's members in order: each key's bytes and the index of its value.
struct JSONMembers {
    let document: JSONDocument
    private var at: Int
    private var left: Int
    /// One bit per required key met (see `require`).
    private(set) var seen: UInt32 = 0

    init(_ document: JSONDocument, _ index: Int) throws {
        guard document.values[index].kind == .object else { throw StoredJSON.Unsupported() }
        self.document = document
        at = index + 1
        left = Int(document.values[index].start)
    }

    /// The next member, nil after the last; a key written with escapes is left to `JSONDecoder`.
    mutating func next() throws -> (key: JSONKey, value: Int)? {
        guard left > 0 else { return nil }
        let key = document.values[at]
        guard key.kind == .string else { throw StoredJSON.Unsupported() }
        let member = (JSONKey(bytes: UnsafeBufferPointer(rebasing: document.bytes[Int(key.start)..<Int(key.end)])), at + 1)
        at = Int(document.values[at + 1].next)
        left -= 1
        return member
    }

    /// Notes required key number `bit` as met; a key met twice is left to `JSONDecoder`.
    mutating func met(_ bit: Int) throws {
        guard seen & (1 << bit) == 0 else { throw StoredJSON.Unsupported() }
        seen |= 1 << bit
    }

    /// Throws unless each of the first `count` required keys was met.
    func require(_ count: Int) throws {
        guard seen == (1 << count) - 1 else { throw StoredJSON.Unsupported() }
    }
}

/// A member's key, compared with a name by its bytes.
struct JSONKey {
    let bytes: UnsafeBufferPointer<UInt8>

    static func == (key: JSONKey, name: StaticString) -> Bool {
        let n = name.utf8CodeUnitCount
        guard key.bytes.count == n else { return false }
        let p = name.utf8Start
        for i in 0..<n where key.bytes[i] != p[i] { return false }
        return true
    }
}

extension JSONDocument {
    /// The elements of array `index`, each read by `read`.
    func array<T>(_ index: Int, _ read: (Int) throws -> T) throws -> [T] {
        let v = values[index]
        guard v.kind == .array else { throw StoredJSON.Unsupported() }
        var out: [T] = []
        out.reserveCapacity(Int(v.start))
        var at = index + 1
        for _ in 0..<Int(v.start) {
            out.append(try read(at))
            at = Int(values[at].next)
        }
        return out
    }

    func strings(_ index: Int) throws -> [String] { try array(index, string) }
    func integers(_ index: Int) throws -> [Int] { try array(index) { try integer($0, as: Int.self) } }
    func models<T: StoredJSONReadable>(_ index: Int, _ type: T.Type) throws -> [T] { try array(index) { try T(document: self, at: $0) } }

    /// An optional: nil for `null`.
    func optional<T>(_ index: Int, _ read: (Int) throws -> T) throws -> T? {
        values[index].kind == .null ? nil : try read(index)
    }

    /// A `[String: String]`: its keys read as strings (escapes included); two equal keys are left to
    /// `JSONDecoder`.
    func stringDictionary(_ index: Int) throws -> [String: String] {
        let v = values[index]
        guard v.kind == .object else { throw StoredJSON.Unsupported() }
        var out: [String: String] = [:]
        out.reserveCapacity(Int(v.start))
        var at = index + 1
        for _ in 0..<Int(v.start) {
            guard out.updateValue(try string(at + 1), forKey: try string(at)) == nil else { throw StoredJSON.Unsupported() }
            at = Int(values[at + 1].next)
        }
        return out
    }

    func raw<T: RawRepresentable>(_ index: Int, _ type: T.Type) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try string(index)) else { throw StoredJSON.Unsupported() }
        return value
    }

    func int(_ index: Int) throws -> Int { try integer(index, as: Int.self) }
}

extension Session: StoredJSONReadable {
    init(document d: JSONDocument, at index: Int) throws {
        self.init()
        var m = try JSONMembers(d, index)
        while let (key, v) = try m.next() {
            if key == "completed" { try m.met(0); completed = try d.models(v, Completed.self) }
            else if key == "date" { try m.met(1); date = try d.string(v) }
            else if key == "date_source" { try m.met(2); dateSource = try d.string(v) }
            else if key == "entry" { entry = try d.optional(v) { try LogEntry(document: d, at: $0) } }
            else if key == "fields" { try m.met(3); fields = try d.stringDictionary(v) }
            else if key == "findings" { try m.met(4); findings = try d.models(v, Finding.self) }
            else if key == "friction" { try m.met(5); friction = try d.models(v, Friction.self) }
            else if key == "hash" { try m.met(6); hash = try d.string(v) }
            else if key == "id" { try m.met(7); id = try d.string(v) }
            else if key == "remaining" { try m.met(8); remaining = try d.models(v, Remaining.self) }
            else if key == "source" { try m.met(9); source = try d.string(v) }
            else if key == "tags" { try m.met(10); tags = try d.strings(v) }
            else if key == "takeaways" { try m.met(11); takeaways = try d.models(v, Takeaway.self) }
            else if key == "title" { try m.met(12); title = try d.string(v) }
            else if key == "unclassified" { try m.met(13); unclassified = try d.models(v, Diagnostic.self) }
            else if key == "updates" { try m.met(14); updates = try d.models(v, Update.self) }
        }
        try m.require(15)
    }
}

extension Finding: StoredJSONReadable {
    init(document d: JSONDocument, at index: Int) throws {
        self.init(title: "", category: "", line: 0)
        var m = try JSONMembers(d, index)
        while let (key, v) = try m.next() {
            if key == "category" { try m.met(0); category = try d.string(v) }
            else if key == "fields" { try m.met(1); fields = try d.stringDictionary(v) }
            else if key == "line" { try m.met(2); line = try d.int(v) }
            else if key == "section" { try m.met(3); section = try d.string(v) }
            else if key == "severity" { severity = try d.optional(v, d.string) }
            else if key == "text" { try m.met(4); text = try d.string(v) }
            else if key == "title" { try m.met(5); title = try d.string(v) }
        }
        try m.require(6)
    }
}

extension Friction: StoredJSONReadable {
    init(document d: JSONDocument, at index: Int) throws {
        self.init(problem: "", line: 0)
        var m = try JSONMembers(d, index)
        while let (key, v) = try m.next() {
            if key == "correction" { try m.met(0); correction = try d.string(v) }
            else if key == "header" { try m.met(1); header = try d.strings(v) }
            else if key == "line" { try m.met(2); line = try d.int(v) }
            else if key == "problem" { try m.met(3); problem = try d.string(v) }
            else if key == "response" { try m.met(4); response = try d.string(v) }
            else if key == "section" { try m.met(5); section = try d.string(v) }
        }
        try m.require(6)
    }
}

extension Completed: StoredJSONReadable {
    init(document d: JSONDocument, at index: Int) throws {
        self.init(title: "", status: "", line: 0)
        var m = try JSONMembers(d, index)
        while let (key, v) = try m.next() {
            if key == "line" { try m.met(0); line = try d.int(v) }
            else if key == "note" { try m.met(1); note = try d.string(v) }
            else if key == "section" { try m.met(2); section = try d.string(v) }
            else if key == "status" { try m.met(3); status = try d.string(v) }
            else if key == "title" { try m.met(4); title = try d.string(v) }
        }
        try m.require(5)
    }
}

extension Remaining: StoredJSONReadable {
    init(document d: JSONDocument, at index: Int) throws {
        self.init(title: "", line: 0)
        var m = try JSONMembers(d, index)
        while let (key, v) = try m.next() {
            if key == "depends_on" { try m.met(0); dependsOn = try d.integers(v) }
            else if key == "depends_on_text" { try m.met(1); dependsOnText = try d.strings(v) }
            else if key == "detail" { try m.met(2); detail = try d.string(v) }
            else if key == "line" { try m.met(3); line = try d.int(v) }
            else if key == "number" { number = try d.optional(v, d.int) }
            else if key == "priority" { priority = try d.optional(v, d.string) }
            else if key == "priority_rank" { priorityRank = try d.optional(v, d.int) }
            else if key == "section" { try m.met(4); section = try d.string(v) }
            else if key == "title" { try m.met(5); title = try d.string(v) }
        }
        try m.require(6)
    }
}

extension Update: StoredJSONReadable {
    init(document d: JSONDocument, at index: Int) throws {
        self.init(title: "", line: 0)
        var m = try JSONMembers(d, index)
        while let (key, v) = try m.next() {
            if key == "line" { try m.met(0); line = try d.int(v) }
            else if key == "resolves" { try m.met(1); resolves = try d.strings(v) }
            else if key == "status" { status = try d.optional(v, d.string) }
            else if key == "text" { try m.met(2); text = try d.string(v) }
            else if key == "title" { try m.met(3); title = try d.string(v) }
        }
        try m.require(4)
    }
}

extension Takeaway: StoredJSONReadable {
    init(document d: JSONDocument, at index: Int) throws {
        self.init(title: "", text: "", line: 0)
        var m = try JSONMembers(d, index)
        while let (key, v) = try m.next() {
            if key == "line" { try m.met(0); line = try d.int(v) }
            else if key == "text" { try m.met(1); text = try d.string(v) }
            else if key == "title" { try m.met(2); title = try d.string(v) }
        }
        try m.require(3)
    }
}

extension Diagnostic: StoredJSONReadable {
    init(document d: JSONDocument, at index: Int) throws {
        self.init(line: 0, message: "", hint: "")
        var m = try JSONMembers(d, index)
        while let (key, v) = try m.next() {
            if key == "hint" { try m.met(0); hint = try d.string(v) }
            else if key == "line" { try m.met(1); line = try d.int(v) }
            else if key == "message" { try m.met(2); message = try d.string(v) }
        }
        try m.require(3)
    }
}

extension LogEntry: StoredJSONReadable {
    init(document d: JSONDocument, at index: Int) throws {
        self.init(heading: "", date: "", level: 0, startLine: 0, endLine: 0)
        var m = try JSONMembers(d, index)
        while let (key, v) = try m.next() {
            if key == "date" { try m.met(0); date = try d.string(v) }
            else if key == "end_line" { try m.met(1); endLine = try d.int(v) }
            else if key == "heading" { try m.met(2); heading = try d.string(v) }
            else if key == "level" { try m.met(3); level = try d.int(v) }
            else if key == "start_line" { try m.met(4); startLine = try d.int(v) }
        }
        try m.require(5)
    }
}

extension TrackedTask: StoredJSONReadable {
    init(document d: JSONDocument, at index: Int) throws {
        self.init(id: "", title: "")
        var m = try JSONMembers(d, index)
        while let (key, v) = try m.next() {
            if key == "depends_on" { try m.met(0); dependsOn = try d.strings(v) }
            else if key == "evidence" { evidence = try d.optional(v) { try TaskMention(document: d, at: $0) } }
            else if key == "first_seen" { try m.met(1); firstSeen = try d.string(v) }
            else if key == "id" { try m.met(2); id = try d.string(v) }
            else if key == "last_seen" { try m.met(3); lastSeen = try d.string(v) }
            else if key == "mentions" { try m.met(4); mentions = try d.models(v, TaskMention.self) }
            else if key == "priority" { priority = try d.optional(v, d.string) }
            else if key == "priority_rank" { priorityRank = try d.optional(v, d.int) }
            else if key == "reopened" { try m.met(5); isReopened = try d.bool(v) }
            else if key == "resolved_in" { resolvedIn = try d.optional(v, d.string) }
            else if key == "resolved_on" { resolvedOn = try d.optional(v, d.string) }
            else if key == "status" { try m.met(6); status = try d.raw(v, Status.self) }
            else if key == "tags" { try m.met(7); tags = try d.strings(v) }
            else if key == "title" { try m.met(8); title = try d.string(v) }
        }
        try m.require(9)
    }
}

extension TaskMention: StoredJSONReadable {
    init(document d: JSONDocument, at index: Int) throws {
        self.init(session: "", date: "", line: 0, text: "", kind: .open)
        var m = try JSONMembers(d, index)
        while let (key, v) = try m.next() {
            if key == "date" { try m.met(0); date = try d.string(v) }
            else if key == "kind" { try m.met(1); kind = try d.raw(v, Kind.self) }
            else if key == "line" { try m.met(2); line = try d.int(v) }
            else if key == "priority" { priority = try d.optional(v, d.string) }
            else if key == "priority_rank" { priorityRank = try d.optional(v, d.int) }
            else if key == "session" { try m.met(3); session = try d.string(v) }
            else if key == "text" { try m.met(4); text = try d.string(v) }
        }
        try m.require(5)
    }
}

extension FailureCluster: StoredJSONReadable {
    init(document d: JSONDocument, at index: Int) throws {
        self.init(id: "", title: "", sessions: 0, firstSeen: "", lastSeen: "", status: .single)
        var m = try JSONMembers(d, index)
        while let (key, v) = try m.next() {
            if key == "first_seen" { try m.met(0); firstSeen = try d.string(v) }
            else if key == "fixes" { try m.met(1); fixes = try d.models(v, FailureFix.self) }
            else if key == "id" { try m.met(2); id = try d.string(v) }
            else if key == "last_seen" { try m.met(3); lastSeen = try d.string(v) }
            else if key == "occurrences" { try m.met(4); occurrences = try d.models(v, FailureOccurrence.self) }
            else if key == "sessions" { try m.met(5); sessions = try d.int(v) }
            else if key == "status" { try m.met(6); status = try d.raw(v, Status.self) }
            else if key == "terms" { try m.met(7); terms = try d.strings(v) }
            else if key == "title" { try m.met(8); title = try d.string(v) }
        }
        try m.require(9)
    }
}

extension FailureOccurrence: StoredJSONReadable {
    init(document d: JSONDocument, at index: Int) throws {
        self.init(session: "", date: "", kind: "", title: "", text: "", line: 0)
        var m = try JSONMembers(d, index)
        while let (key, v) = try m.next() {
            if key == "date" { try m.met(0); date = try d.string(v) }
            else if key == "kind" { try m.met(1); kind = try d.string(v) }
            else if key == "line" { try m.met(2); line = try d.int(v) }
            else if key == "session" { try m.met(3); session = try d.string(v) }
            else if key == "text" { try m.met(4); text = try d.string(v) }
            else if key == "title" { try m.met(5); title = try d.string(v) }
        }
        try m.require(6)
    }
}

extension FailureFix: StoredJSONReadable {
    init(document d: JSONDocument, at index: Int) throws {
        self.init(session: "", date: "", line: 0, text: "")
        var m = try JSONMembers(d, index)
        while let (key, v) = try m.next() {
            if key == "date" { try m.met(0); date = try d.string(v) }
            else if key == "line" { try m.met(1); line = try d.int(v) }
            else if key == "session" { try m.met(2); session = try d.string(v) }
            else if key == "text" { try m.met(3); text = try d.string(v) }
        }
        try m.require(4)
    }
}
