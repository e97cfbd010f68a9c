import InsightsCore

/// Field-by-field fingerprints of the model values (no encoder, no reflection: fast on thousands of notes).
extension Fingerprint {
    mutating func addSession(_ s: Session) {
        add(s.id); add(s.title); add(s.date); add(s.source); add(s.hash)
        add(s.tags.count); for t in s.tags { add(t) }
        addFields(s.fields)
        add(s.findings.count)
        for f in s.findings {
            add(f.title); add(f.category); add(f.severity); addFields(f.fields); add(f.text); add(f.line); add(f.section)
        }
        add(s.friction.count)
        for f in s.friction {
            add(f.problem); add(f.response); add(f.correction); add(f.header.joined(separator: "|")); add(f.line)
        }
        add(s.completed.count)
        for c in s.completed { add(c.title); add(c.status); add(c.note); add(c.line) }
        add(s.remaining.count)
        for r in s.remaining {
            add(r.number.map(String.init)); add(r.title); add(r.detail); add(r.priority); add(r.priorityRank.map(String.init))
            add(r.dependsOn.map(String.init).joined(separator: ",")); add(r.dependsOnText.joined(separator: "|")); add(r.line)
        }
        add(s.updates.count)
        for u in s.updates { add(u.title); add(u.status); add(u.resolves.joined(separator: "|")); add(u.text); add(u.line) }
        add(s.takeaways.count)
        for t in s.takeaways { add(t.title); add(t.text); add(t.line) }
    }

    mutating func addTask(_ t: TrackedTask) {
        add(t.id); add(t.title); add(t.priority); add(t.priorityRank.map(String.init)); add(t.status.rawValue)
        add(t.firstSeen); add(t.lastSeen); add(t.resolvedIn); add(t.resolvedOn); add(t.isReopened)
        add(t.dependsOn.joined(separator: ",")); add(t.tags.joined(separator: ","))
        add(t.mentions.count)
        for m in t.mentions + (t.evidence.map { [$0] } ?? []) {
            add(m.session); add(m.date); add(m.line); add(m.text); add(m.kind.rawValue); add(m.priority)
        }
    }

    mutating func addFailure(_ f: FailureCluster) {
        add(f.id); add(f.title); add(f.sessions); add(f.firstSeen); add(f.lastSeen); add(f.status.rawValue)
        add(f.terms.joined(separator: ","))
        add(f.fixes.count)
        for x in f.fixes { add(x.session); add(x.date); add(x.line); add(x.text) }
        add(f.occurrences.count)
        for o in f.occurrences { add(o.session); add(o.date); add(o.kind); add(o.title); add(o.text); add(o.line) }
    }

    private mutating func addFields(_ fields: [String: String]) {
        add(fields.count)
        for k in fields.keys.sorted() { add(k); add(fields[k]) }
    }
}
