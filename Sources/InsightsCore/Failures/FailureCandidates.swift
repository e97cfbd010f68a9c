import Foundation

/// Picks the failure candidates out of a session: every finding, every friction row, items under a
/// "Blockers" heading and takeaways (which may only join a cluster, see `FailureCandidate.isSupporting`).
///
/// The reference note → 7 findings, 6 friction rows, 0 blockers (its "P0 - Blockers" are work to do), 1 takeaway.
public enum FailureCandidates {
    /// Finding fields that describe what went wrong: compared, lowercased.
    public static let describingFields: Set<String> = [
        "what happened", "what went wrong", "root cause", "why it happened", "cause", "problem", "symptom",
        "discovery", "issue", "what actually happened", "mistake",
    ]
    /// Finding fields that hold the fix or correction, lowercased.
    public static let fixFields: Set<String> = [
        "fix required", "fix", "solution", "correct response", "fixed", "resolution", "correction", "prevention",
        "what should have happened", "lesson",
    ]

    public static func from(_ session: Session) -> [FailureCandidate] {
        var out: [FailureCandidate] = []
        for f in session.findings {
            // A heading that only holds a table ("Friction Points", whose rows are candidates of their own) is
            // not a failure itself.
            if f.fields.isEmpty && f.text.trimmed(.whitespacesAndNewlines).hasPrefix("|") { continue }
            // A decision ("Decision 5: Encoder Selection", "Key Design Decisions") is a choice, not a failure;
            // two notes that revisit one design choice are not a recurring mistake.
            if f.category.isAllASCII ? ASCII.contains(f.category, lowercased: "decision") : f.category.lowercased().contains("decision") {
                continue
            }
            var body: [String] = []
            var labels: Set<String> = []
            var fixes: [String] = []
            for (label, value) in f.fields.sorted(by: { $0.key < $1.key }) {
                let l = label.lowercased()
                if describingFields.contains(l) { body.append(value); labels.insert(l) }
                if fixFields.contains(l) { fixes.append(value.trimmed(.whitespacesAndNewlines)) }
            }
            // Bullet findings ("**Red CI after a quick push.** I asked the agent ...") carry their story in the text.
            if f.fields.isEmpty { body.append(f.text) }
            out.append(FailureCandidate(
                session: session.id, date: session.date, kind: .finding, category: f.category, title: f.title,
                text: clip(f.text), line: f.line, titleText: f.title, bodyText: body.joined(separator: "\n"),
                labels: labels, fixes: fixes, section: f.section))
        }
        for r in session.friction {
            let correction = r.correction.trimmed(.whitespaces)
            out.append(FailureCandidate(
                session: session.id, date: session.date, kind: .friction, category: "friction", title: r.problem,
                text: [r.problem, r.response, correction].filter { !$0.isEmpty }.joined(separator: " → "), line: r.line,
                // The response column says what the author did about the problem, often the part that recurs
                // ("Pushed without running npm test"): it goes in twice, counting double a body word.
                titleText: r.problem, bodyText: r.response + "\n" + r.response, labels: ["friction"],
                fixes: correction.isEmpty ? [] : [correction], section: r.section))
            if !correction.isEmpty, judgesResponse(r.header) { out[out.count - 1].judgedResponse = r.response }
        }
        for r in session.remaining where isBlockerSection(r.section) {
            out.append(FailureCandidate(
                session: session.id, date: session.date, kind: .blocker, category: "blocker", title: r.title,
                text: clip([r.title, r.detail].filter { !$0.isEmpty }.joined(separator: " - ")), line: r.line,
                titleText: r.title, bodyText: r.detail, labels: ["blocker"], section: r.section))
        }
        for t in session.takeaways {
            out.append(FailureCandidate(
                session: session.id, date: session.date, kind: .takeaway, category: "takeaway", title: t.title,
                text: clip(t.text.isEmpty ? t.title : t.text), line: t.line, titleText: t.title, bodyText: t.text,
                labels: ["takeaway"]))
        }
        let year = String(session.date.prefix(4))
        for i in out.indices {
            let whole = session.findings.first { $0.line == out[i].line }?.text ?? out[i].text + "\n" + out[i].bodyText
            out[i].mentionedDates = DateMentions.find(in: whole, year: year, noteDate: session.date).filter { $0 < session.date }
        }
        return out
    }

    /// Whether a friction table's header says its correction column judges what the author did
    /// (`Correct Response`, `Should have`, `Better approach`) rather than only naming a fix.
    static func judgesResponse(_ header: [String]) -> Bool {
        header.contains { h in
            let l = h.lowercased()
            return l.containsASCII("correct") || l.containsASCII("should") || l.containsASCII("better")
        }
    }

    /// `Blockers`, `Blocked`, `Current blockers` — but not a priority heading like `P0 - Blockers`.
    static func isBlockerSection(_ section: String) -> Bool {
        // Each of these holds "block"; an ASCII section without it (nearly every one) is none of them.
        if section.isAllASCII && !ASCII.contains(section, lowercased: "block") { return false }
        let s = section.lowercased().trimmingCharacters(in: .whitespaces)
        return s == "blockers" || s == "blocked" || s == "blocker" || s.hasSuffix(" blockers") && !s.containsASCII("p0")
            && !s.containsASCII("p1") && !s.containsASCII("-")
    }

    static func clip(_ s: String, _ n: Int = 600) -> String {
        let t = s.trimmed(.whitespacesAndNewlines)
        // No more bytes than characters allowed: no need to count the characters.
        return t.utf8.count > n && t.count > n ? String(t.prefix(n)) + "…" : t
    }
}
