import InsightsCore

/// A type whose stored JSON is written field by field, its keys already in sorted order, instead of walked
/// through `Codable` (whose generic containers were most of the time of encoding sessions at ingest and tasks
/// and failure clusters at every recompute). The output is byte for byte `StoredJSON`'s, which is
/// `JSONEncoder`'s: `StoredJSONTests` compares them on every corpus session, task and cluster and on values
/// with every optional set, so a field added to a model and not here fails there.
protocol StoredJSONWritable {
    func write(to out: inout JSONOut)
}

/// JSON written straight into bytes: `object { … }` and `array(…)` put the commas between what `key` and the
/// values write.
struct JSONOut {
    var bytes: [UInt8] = []
    private var isFirst = true

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func object(_ body: (inout JSONOut) -> Void) {
        bytes.append(0x7B)
        let outer = isFirst
        isFirst = true
        body(&self)
        isFirst = outer
        bytes.append(0x7D)
    }

    mutating func array<C: Collection>(_ items: C, _ each: (inout JSONOut, C.Element) -> Void) {
        bytes.append(0x5B)
        var first = true
        for item in items {
            if !first { bytes.append(0x2C) }
            first = false
            each(&self, item)
        }
        bytes.append(0x5D)
    }

    /// `"name":` (after a comma unless it is the object's first key); `name` needs no escaping.
    mutating func key(_ name: StaticString) {
        if !isFirst { bytes.append(0x2C) }
        isFirst = false
        bytes.append(0x22)
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(0x22)
        bytes.append(0x3A)
    }

    mutating func string(_ s: String) { StoredJSON.string(s, into: &bytes) }
    mutating func int(_ i: Int) { bytes.append(contentsOf: String(i).utf8) }
    mutating func bool(_ b: Bool) { bytes.append(contentsOf: b ? "true".utf8 : "false".utf8) }
    mutating func null() { bytes.append(contentsOf: "null".utf8) }

    mutating func field(_ name: StaticString, _ s: String) { key(name); string(s) }
    mutating func field(_ name: StaticString, _ i: Int) { key(name); int(i) }
    mutating func field(_ name: StaticString, _ strings: [String]) { key(name); array(strings) { $0.string($1) } }
    mutating func field<T: StoredJSONWritable>(_ name: StaticString, _ values: [T]) { key(name); array(values) { $1.write(to: &$0) } }
    /// A synthesized conformance leaves out a nil optional.
    mutating func fieldIfPresent(_ name: StaticString, _ s: String?) { if let s { field(name, s) } }
    mutating func fieldIfPresent(_ name: StaticString, _ i: Int?) { if let i { field(name, i) } }
    /// A dictionary: an object with its keys in UTF-8 order.
    mutating func field(_ name: StaticString, _ dictionary: [String: String]) {
        key(name)
        bytes.append(0x7B)
        let keys = dictionary.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (n, k) in keys.enumerated() {
            if n > 0 { bytes.append(0x2C) }
            string(k)
            bytes.append(0x3A)
            string(dictionary[k]!)
        }
        bytes.append(0x7D)
    }
}

extension Session: StoredJSONWritable {
    func write(to out: inout JSONOut) {
        out.object { o in
            o.field("completed", completed); o.field("date", date); o.field("date_source", dateSource)
            if let entry { o.key("entry"); entry.write(to: &o) }
            o.field("fields", fields); o.field("findings", findings); o.field("friction", friction)
            o.field("hash", hash); o.field("id", id); o.field("remaining", remaining); o.field("source", source)
            o.field("tags", tags); o.field("takeaways", takeaways); o.field("title", title)
            o.field("unclassified", unclassified); o.field("updates", updates)
        }
    }
}

extension Finding: StoredJSONWritable {
    func write(to out: inout JSONOut) {
        out.object { o in
            o.field("category", category); o.field("fields", fields); o.field("line", line); o.field("section", section)
            o.fieldIfPresent("severity", severity); o.field("text", text); o.field("title", title)
        }
    }
}

extension Friction: StoredJSONWritable {
    func write(to out: inout JSONOut) {
        out.object { o in
            o.field("correction", correction); o.field("header", header); o.field("line", line)
            o.field("problem", problem); o.field("response", response); o.field("section", section)
        }
    }
}

extension Completed: StoredJSONWritable {
    func write(to out: inout JSONOut) {
        out.object { o in
            o.field("line", line); o.field("note", note); o.field("section", section); o.field("status", status)
            o.field("title", title)
        }
    }
}

extension Remaining: StoredJSONWritable {
    func write(to out: inout JSONOut) {
        out.object { o in
            o.key("depends_on"); o.array(dependsOn) { $0.int($1) }
            o.field("depends_on_text", dependsOnText); o.field("detail", detail); o.field("line", line)
            o.fieldIfPresent("number", number); o.fieldIfPresent("priority", priority)
            o.fieldIfPresent("priority_rank", priorityRank); o.field("section", section); o.field("title", title)
        }
    }
}

extension Update: StoredJSONWritable {
    func write(to out: inout JSONOut) {
        out.object { o in
            o.field("line", line); o.field("resolves", resolves); o.fieldIfPresent("status", status)
            o.field("text", text); o.field("title", title)
        }
    }
}

extension Takeaway: StoredJSONWritable {
    func write(to out: inout JSONOut) {
        out.object { o in o.field("line", line); o.field("text", text); o.field("title", title) }
    }
}

extension Diagnostic: StoredJSONWritable {
    func write(to out: inout JSONOut) {
        out.object { o in o.field("hint", hint); o.field("line", line); o.field("message", message) }
    }
}

extension LogEntry: StoredJSONWritable {
    func write(to out: inout JSONOut) {
        out.object { o in
            o.field("date", date); o.field("end_line", endLine); o.field("heading", heading); o.field("level", level)
            o.field("start_line", startLine)
        }
    }
}

extension TrackedTask: StoredJSONWritable {
    /// Every key present, `null` for a nil optional (as its own `encode(to:)` writes).
    func write(to out: inout JSONOut) {
        out.object { o in
            o.field("depends_on", dependsOn)
            o.key("evidence"); if let evidence { evidence.write(to: &o) } else { o.null() }
            o.field("first_seen", firstSeen); o.field("id", id); o.field("last_seen", lastSeen)
            o.field("mentions", mentions)
            o.key("priority"); if let priority { o.string(priority) } else { o.null() }
            o.key("priority_rank"); if let priorityRank { o.int(priorityRank) } else { o.null() }
            o.key("reopened"); o.bool(isReopened)
            o.key("resolved_in"); if let resolvedIn { o.string(resolvedIn) } else { o.null() }
            o.key("resolved_on"); if let resolvedOn { o.string(resolvedOn) } else { o.null() }
            o.field("status", status.rawValue); o.field("tags", tags); o.field("title", title)
        }
    }
}

extension TaskMention: StoredJSONWritable {
    func write(to out: inout JSONOut) {
        out.object { o in
            o.field("date", date); o.field("kind", kind.rawValue); o.field("line", line)
            o.fieldIfPresent("priority", priority); o.fieldIfPresent("priority_rank", priorityRank)
            o.field("session", session); o.field("text", text)
        }
    }
}

extension FailureCluster: StoredJSONWritable {
    func write(to out: inout JSONOut) {
        out.object { o in
            o.field("first_seen", firstSeen); o.field("fixes", fixes); o.field("id", id); o.field("last_seen", lastSeen)
            o.field("occurrences", occurrences); o.field("sessions", sessions); o.field("status", status.rawValue)
            o.field("terms", terms); o.field("title", title)
        }
    }
}

extension FailureOccurrence: StoredJSONWritable {
    func write(to out: inout JSONOut) {
        out.object { o in
            o.field("date", date); o.field("kind", kind); o.field("line", line); o.field("session", session)
            o.field("text", text); o.field("title", title)
        }
    }
}

extension FailureFix: StoredJSONWritable {
    func write(to out: inout JSONOut) {
        out.object { o in o.field("date", date); o.field("line", line); o.field("session", session); o.field("text", text) }
    }
}
