import Foundation

/// Lends the corrections of a friction table that judges the author's own responses to the finding of the same
/// note that describes those responses.
///
/// The reference note's table `| Friction | My Response | Correct Response |` lists migration, schema and
/// dead-code friction (each row clusters with its own finding), but its "My Response" column ("Tried
/// workarounds, then did manual work", "Started analyzing/fixing myself", "Fixed it myself") is the behaviour
/// the finding "Orchestrator Executed Instead of Delegating" describes ("Edited files myself", "instinct was to
/// work around it"). So the table's corrections ("Document blocker, create Archon task, escalate to user", ...)
/// are that finding's correct responses too, and the brief shows the delegation failure with them.
enum ResponseLinks {
    /// How much of the table's responses (with its heading, "Friction Points That Caused Deviation"), taken
    /// together, a finding must cover (`TermVectors.coverage`). The reference note's delegation finding covers
    /// 0.32 of them on its own and 0.47 in a journal of the whole corpus; the next best finding ("Migration
    /// Tracking is Broken", through "manual") 0.13 and 0.11. It is the only judged table in the corpus.
    static let threshold = 0.25

    /// Candidate index of a finding → the corrections lent to it, in note order.
    static func find(_ c: [FailureCandidate], _ v: TermVectors) -> [Int: [FailureFix]] {
        var findings: [String: [Int]] = [:]
        var tables: [String: [Int]] = [:]  // session + heading → judged rows, in note order
        for (i, x) in c.enumerated() {
            if x.kind == .finding { findings[x.session, default: []].append(i) }
            if x.kind == .friction && !x.judgedResponse.isEmpty && !x.fixes.isEmpty {
                tables[x.session + "\u{0}" + x.section, default: []].append(i)
            }
        }
        var lent: [Int: [FailureFix]] = [:]
        for rows in tables.values {
            let session = c[rows[0]].session
            // The heading names what the rows have in common; it is part of what the finding must describe.
            let responses = v.vector(of: ([c[rows[0]].section] + rows.map { c[$0].judgedResponse }).joined(separator: "\n"))
            guard !responses.isEmpty else { continue }
            let best = (findings[session] ?? []).map { (index: $0, score: v.coverage(responses, by: $0)) }
                .max { ($0.score, $1.index) < ($1.score, $0.index) }
            guard let best, best.score >= threshold else { continue }
            lent[best.index, default: []] += rows.map {
                FailureFix(session: session, date: c[$0].date, line: c[$0].line, text: c[$0].fixes[0])
            }
        }
        return lent
    }
}
