/// A GFM table as header cells and rows of plain-text cells, with what its columns mean.
///
/// `| Friction | My Response | Correct Response |` → `role == .friction(problem: 0, response: 1, correction: 2)`.
struct TableReader {
    struct Row { let cells: [String]; let line: Int }

    enum Role {
        case friction(problem: Int, response: Int?, correction: Int?)
        case status(title: Int, status: Int, priority: Int?, note: Int?)
        /// An issue list (`| # | Issue | Severity | Status |`): each row is a finding.
        case issues(title: Int, severity: Int?, status: Int?)
        /// No status column: rows are work items when the section says what they are.
        case list(title: Int, priority: Int?, note: Int?)
    }

    let header: [String]
    let rows: [Row]
    let role: Role

    init?(_ table: Block, _ vocabulary: Vocabulary) {
        guard case .table = table.kind else { return nil }
        var header: [String] = []
        var rows: [Row] = []
        for row in table.children {
            let cells = row.children.map { $0.plainText.trimmingSpaces }
            if case .tableRow(isHeader: true) = row.kind { header = cells } else { rows.append(Row(cells: cells, line: row.line)) }
        }
        guard !header.isEmpty else { return nil }
        self.header = header
        self.rows = rows
        self.role = Self.role(of: header, vocabulary)
    }

    private static func role(of header: [String], _ v: Vocabulary) -> Role {
        let normalized = header.map(Vocabulary.normalize)
        let cellWords = normalized.map { $0.split(separator: " ").map(String.init) }
        func best(_ phrases: PhraseIndex.List) -> [String?] {
            cellWords.map { phrases.longest(in: $0)?.value }
        }
        let table = best(v.phrases.tableColumns)
        let friction = best(v.phrases.frictionColumns)
        let status = table.firstIndex(of: "status")
        let priority = table.firstIndex(of: "priority")
        let note = table.firstIndex(of: "note")
        if status == nil {
            let response = friction.firstIndex(of: "response")
            let correction = friction.firstIndex(of: "correction")
            var problem = friction.firstIndex(of: "problem")
            if problem == nil, response != nil || correction != nil {
                problem = friction.indices.first { friction[$0] == nil && table[$0] != "priority" }
            }
            if let problem, response != nil || correction != nil, problem != response, problem != correction {
                return .friction(problem: problem, response: response, correction: correction)
            }
        }
        if let problem = friction.firstIndex(of: "problem"), table.firstIndex(of: "title") == nil,
           priority != nil || normalized.contains(where: { $0 == "severity" }) {
            return .issues(title: problem, severity: priority, status: status)
        }
        let skip: Set<String> = ["", "#", "no", "id", "date", "when"]
        let title = table.firstIndex(of: "title")
            ?? normalized.indices.first { table[$0] == nil && !skip.contains(normalized[$0]) }
            ?? 0
        if let status { return .status(title: title, status: status, priority: priority, note: note) }
        return .list(title: title, priority: priority, note: note)
    }

    /// Whether a status cell says done (true), open (false) or neither (nil).
    static func isDone(_ cell: String, _ v: Vocabulary) -> Bool? {
        if cell.contains("✅") || cell.contains("✔") || cell.contains("☑") { return true }
        let words = PhraseIndex.words(cell)
        if words.isEmpty { return nil }
        if v.phrases.openWords.longest(in: words) != nil { return false }
        if v.phrases.doneWords.longest(in: words) != nil { return true }
        return nil
    }
}
