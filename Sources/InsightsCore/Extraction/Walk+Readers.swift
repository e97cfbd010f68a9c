/// Readers for the blocks under each kind of section.
extension Walk {
    /// Bold `**Label**: value` lines at the top of a note become session fields.
    mutating func readFields(_ block: Block) {
        switch block.kind {
        case .paragraph:
            for n in block.line...block.endLine {
                if let f = LabelledLine(note.line(n)) { session.fields[f.label] = f.value }
            }
        case .list:
            for item in block.children {
                if let f = LabelledLine(note.line(item.line)) { session.fields[f.label] = f.value }
            }
        default: break
        }
    }

    /// What counts wherever it appears: checkbox items, friction tables and status tables.
    mutating func readLoose(_ block: Block, tablesAreFriction: Bool = true) {
        switch block.kind {
        case .list: collectCheckboxes(block, includeTopLevel: true)
        case .table: readTable(block, defaultIsDone: nil)
        case .blockQuote: for child in block.children { readLoose(child) }
        default: break
        }
    }

    mutating func readSummary(_ block: Block) {
        guard case .paragraph = block.kind, session.fields["Summary"] == nil else { return }
        session.fields["Summary"] = note.source(from: block.line, to: block.endLine)
    }

    // MARK: Findings

    /// Under a findings heading: each list item or bold-lead paragraph is a finding.
    mutating func readFindings(_ block: Block) {
        let category = stack.last?.category ?? "general"
        switch block.kind {
        case .list:
            for item in block.children {
                if case .item(let checked?) = item.kind {
                    addWork(item, isDone: checked, number: nil)
                    continue
                }
                guard let first = item.children.first else { continue }
                let text = note.source(from: item.line, to: item.endLine)
                let (title, _, severity) = itemTitle(first)
                var finding = Finding(title: title, category: category, severity: severity,
                                      text: Self.dropBullet(text), line: item.line, section: sectionHeading)
                finding.fields = fields(in: item.line + 1, item.endLine)
                session.findings.append(finding)
                collectCheckboxes(item, includeTopLevel: false)
            }
        case .paragraph:
            if block.isStruck { return }
            if let f = LabelledLine(note.line(block.line)), isFieldLabel(f.label),
               let last = session.findings.indices.last, session.findings[last].section == sectionHeading {
                session.findings[last].text += "\n\n" + note.source(from: block.line, to: block.endLine)
                session.findings[last].fields.merge(fields(in: block.line, block.endLine)) { a, b in a + "\n\n" + b }
            } else if let lead = BoldLead(block.inlines), LabelledLine(note.line(block.line)) != nil || block.inlines.count > 1 {
                let (title, severity) = ItemText.titleAndSeverity(lead.title, vocabulary)
                session.findings.append(Finding(title: title, category: category, severity: severity,
                                                text: note.source(from: block.line, to: block.endLine),
                                                line: block.line, section: sectionHeading))
            } else if stack.last?.isParagraphStyle == true {
                let (title, _) = ItemText.firstSentence(block.plainText)
                session.findings.append(Finding(title: title, category: category, text: note.source(from: block.line, to: block.endLine),
                                                line: block.line, section: sectionHeading))
            } else if let last = session.findings.indices.last, session.findings[last].section == sectionHeading,
                      session.findings[last].line < block.line {
                session.findings[last].text += "\n\n" + note.source(from: block.line, to: block.endLine)
            }
        case .table:
            readTable(block, defaultIsDone: nil)
        default:
            if let last = session.findings.indices.last, session.findings[last].section == sectionHeading {
                session.findings[last].text += "\n\n" + note.source(from: block.line, to: block.endLine)
            }
        }
    }

    /// Fields and text of a heading-style finding, from the blocks under its heading.
    mutating func fillFinding(_ i: Int) {
        guard let blocks = findingBodies[i], let first = blocks.first, let last = blocks.last else { return }
        session.findings[i].text = note.source(from: first.line, to: last.endLine).trimmingSpaces
        session.findings[i].fields = fields(in: first.line, last.endLine)
    }

    /// Labelled lines between `from` and `to` (outside code fences): label → the Markdown up to the next label.
    func fields(in from: Int, _ to: Int) -> [String: String] {
        var result: [String: String] = [:]
        var current: (label: String, lines: [String])?
        var inFence = false
        func close() {
            if let c = current {
                let value = c.lines.joined(separator: "\n").trimmingSpaces
                result[c.label] = result[c.label].map { $0 + "\n\n" + value } ?? value
            }
        }
        guard from <= to else { return [:] }
        for n in from...to {
            let line = note.line(n)
            let trimmed = line.trimmingSpaces
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, let f = LabelledLine(line), !line.hasPrefix("  "), !line.hasPrefix("\t") {
                close()
                current = (f.label, [f.value])
            } else if current != nil {
                current!.lines.append(String(line))
            }
        }
        close()
        return result
    }

    // MARK: Work

    /// Under a completed or remaining heading: list items, bold-lead paragraphs and tables are work items.
    mutating func readWork(_ block: Block, isDoneSection: Bool) {
        if block.isList, let previous = previousBlock, previous.kind == .paragraph,
           let f = LabelledLine(note.line(previous.endLine)) ?? LabelledLine(note.line(previous.line)),
           isFieldLabel(f.label), f.value.isEmpty {
            // "**Files changed**:" followed by a list: the list is the field's value, not work items.
            collectCheckboxes(block, includeTopLevel: true)
            return
        }
        switch block.kind {
        case .list(let isOrdered, let start):
            for (offset, item) in block.children.enumerated() {
                if let f = LabelledLine(note.line(item.line)), isFieldLabel(f.label) { continue }
                var done = isDoneSection
                if item.children.first?.isStruck == true { done = true }
                if let first = item.children.first?.plainText.trimmingSpaces.first, first == "✅" || first == "✔" { done = true }
                if case .item(let checked?) = item.kind { done = checked }
                addWork(item, isDone: done, number: isOrdered ? start + offset : nil)
                collectCheckboxes(item, includeTopLevel: false)
            }
        case .paragraph:
            if block.isStruck { return }
            if let f = LabelledLine(note.line(block.line)), f.value.isEmpty, block.line == block.endLine {
                return  // "**Scale of Analysis**:" labels the list that follows; it is not an item itself.
            }
            if block.isAllBold && block.plainText.split(separator: " ").count > 12 { return }
            if BoldLead(block.inlines) != nil, LabelledLine(note.line(block.line)).map({ !isFieldLabel($0.label) }) ?? true {
                addWork(block, isDone: isDoneSection, number: nil)
            } else if stack.last?.isParagraphStyle == true {
                addParagraphWork(block, isDone: isDoneSection)
            }
        case .table:
            readTable(block, defaultIsDone: isDoneSection)
        case .blockQuote:
            for child in block.children { readWork(child, isDoneSection: isDoneSection) }
        default: break
        }
    }

    /// Labels that describe the section rather than name a work item (`**Status**: ...`).
    func isFieldLabel(_ label: String) -> Bool {
        Self.fieldLabels.contains(Vocabulary.normalize(label))
    }

    /// Labels of fields inside a work item, not work items themselves (`- **Root Cause**: ...`).
    static let fieldLabels: Set<String> = [
        "status", "note", "notes", "date", "owner", "result", "results", "context", "summary", "why", "issue",
        "problem", "root cause", "root causes", "cause", "solution", "solutions", "fix", "impact", "goal", "goals",
        "benefits", "tasks", "approach", "objective", "objectives", "purpose", "scope", "outcome", "details",
        "description", "reason", "rationale", "symptoms", "symptom", "evidence", "test", "tests", "testing",
        "verification", "location", "change", "changes", "commit", "commits", "pr", "effort", "estimate",
        "priority", "dependencies", "depends on", "blocked by", "acceptance criteria", "learning", "lesson",
        "target", "targets", "last updated", "updated", "author", "version", "id", "handoff id", "agent handoff id", "why it matters", "root cause analysis",
    ]

    /// One work item from a list item or paragraph.
    mutating func addWork(_ item: Block, isDone: Bool, number: Int?) {
        let head = item.kind == .paragraph ? item : (item.children.first ?? item)
        var (title, detail, priority) = itemTitle(head)
        guard !title.isEmpty else { return }
        if priority == nil {
            let whole = note.source(from: item.line, to: item.endLine)
            priority = ItemText.priorityWord(in: whole.characterPrefix(300), vocabulary)
        }
        if item.children.count > 1 {
            let rest = note.source(from: item.children[1].line, to: item.endLine).trimmingSpaces
            detail = detail.isEmpty ? rest : detail + "\n" + rest
        }
        if isDone {
            var status = "done"
            if case .item(isChecked: true) = item.kind { status = "[x]" }
            if (item.kind == .paragraph ? item : item.children.first)?.isStruck == true { status = "struck" }
            session.completed.append(Completed(title: title, status: status, note: detail, line: item.line, section: sectionHeading))
        } else {
            let deps = ItemText.dependencies(in: title + " " + detail)
            let p = priority ?? sectionPriority
            session.remaining.append(Remaining(number: number, title: title, detail: detail, priority: p,
                                               priorityRank: p.flatMap { Priority.rank($0, vocabulary) },
                                               dependsOn: deps.numbers, dependsOnText: deps.texts,
                                               line: item.line, section: sectionHeading))
        }
    }

    /// A plain paragraph as a work item: its first sentence is the title.
    mutating func addParagraphWork(_ block: Block, isDone: Bool) {
        let (title, detail) = ItemText.firstSentence(block.plainText)
        guard !title.isEmpty else { return }
        if isDone {
            session.completed.append(Completed(title: title, status: "done", note: detail, line: block.line, section: sectionHeading))
        } else {
            let p = ItemText.priorityWord(in: block.plainText, vocabulary) ?? sectionPriority
            session.remaining.append(Remaining(title: title, detail: detail, priority: p,
                                               priorityRank: p.flatMap { Priority.rank($0, vocabulary) },
                                               line: block.line, section: sectionHeading))
        }
    }

    /// Title, detail and priority of an item from its first paragraph.
    func itemTitle(_ paragraph: Block) -> (title: String, detail: String, priority: String?) {
        var priority: String?
        if let lead = BoldLead(paragraph.inlines) {
            var title = lead.title
            var rest = lead.rest
            if vocabulary.priorities[Vocabulary.normalize(title)] != nil, !rest.isEmpty {
                // "**High**: Fix the thing"
                priority = title
                (title, rest) = ItemText.split(rest)
            }
            if ItemText.isTicketKey(title), !rest.isEmpty {
                // "**AUT-127**: Fix retry logic - blocked by #1": the key leads the title
                let (more, detail) = ItemText.split(rest)
                (title, rest) = (title + ": " + more, detail)
            }
            let (clean, severity) = ItemText.titleAndSeverity(title, vocabulary)
            return (clean, rest, priority ?? severity)
        }
        var text = paragraph.plainText.trimmingSpaces
        if let (word, rest) = ItemText.leadingPriority(text, vocabulary) { priority = word; text = rest }
        let (title, detail) = ItemText.split(text)
        let (clean, severity) = ItemText.titleAndSeverity(title, vocabulary)
        return (clean, detail, priority ?? severity)
    }

    /// Checkbox items inside a list (and, when asked, the list's own items), at any depth.
    mutating func collectCheckboxes(_ block: Block, includeTopLevel: Bool) {
        for child in block.children {
            if case .item(let checked?) = child.kind, includeTopLevel {
                addWork(child, isDone: checked, number: nil)
            }
            if child.isList || child.kind == .blockQuote {
                collectCheckboxes(child, includeTopLevel: true)
            } else if case .item = child.kind {
                collectCheckboxes(child, includeTopLevel: false)
            }
        }
    }

    // MARK: Tables

    /// A friction table gives friction rows; a status table gives done and open work; a plain table under a
    /// work heading gives work items (`defaultIsDone`); anything else is left alone.
    mutating func readTable(_ block: Block, defaultIsDone: Bool?) {
        guard let table = TableReader(block, vocabulary) else { return }
        func cell(_ row: TableReader.Row, _ i: Int?) -> String {
            guard let i, i < row.cells.count else { return "" }
            return row.cells[i]
        }
        switch table.role {
        case .friction(let p, let r, let c):
            for row in table.rows where !cell(row, p).isEmpty {
                session.friction.append(Friction(problem: cell(row, p), response: cell(row, r), correction: cell(row, c),
                                                 header: table.header, line: row.line, section: sectionHeading))
            }
        case .status(let t, let s, let pr, let n):
            for row in table.rows {
                let title = ItemText.titleAndSeverity(cell(row, t), vocabulary).title
                guard !title.isEmpty else { continue }
                let status = cell(row, s)
                switch TableReader.isDone(status, vocabulary) {
                case true?:
                    session.completed.append(Completed(title: title, status: status, note: cell(row, n), line: row.line, section: sectionHeading))
                case false?:
                    addTableTask(title, note: cell(row, n), priority: cell(row, pr), line: row.line)
                case nil:
                    if defaultIsDone == false { addTableTask(title, note: cell(row, n), priority: cell(row, pr), line: row.line) }
                }
            }
        case .issues(let t, let sev, let st):
            for row in table.rows where !cell(row, t).isEmpty {
                let (title, _) = ItemText.split(cell(row, t))
                var fields: [String: String] = [:]
                for (i, name) in table.header.enumerated() where i != t && !cell(row, i).isEmpty { fields[name] = cell(row, i) }
                session.findings.append(Finding(title: title, category: "problem", severity: sev.map { cell(row, $0) },
                                                fields: fields, text: cell(row, t) + (st.map { "\n\nStatus: " + cell(row, $0) } ?? ""),
                                                line: row.line, section: sectionHeading))
            }
        case .list(let t, let pr, let n):
            guard let isDone = defaultIsDone else { return }
            for row in table.rows {
                let title = ItemText.titleAndSeverity(cell(row, t), vocabulary).title
                guard !title.isEmpty else { continue }
                if isDone {
                    session.completed.append(Completed(title: title, status: "done", note: cell(row, n), line: row.line, section: sectionHeading))
                } else {
                    addTableTask(title, note: cell(row, n), priority: cell(row, pr), line: row.line)
                }
            }
        }
    }

    mutating func addTableTask(_ title: String, note: String, priority: String, line: Int) {
        let p = priority.isEmpty ? (ItemText.priorityWord(in: title, vocabulary) ?? sectionPriority) : priority
        let deps = ItemText.dependencies(in: title + " " + note)
        session.remaining.append(Remaining(title: title, detail: note, priority: p,
                                           priorityRank: p.flatMap { Priority.rank($0, vocabulary) },
                                           dependsOn: deps.numbers, dependsOnText: deps.texts, line: line, section: sectionHeading))
    }

    // MARK: Takeaways

    /// Under a takeaways heading: each paragraph or list item is a takeaway; a paragraph ending in ":" keeps its list.
    mutating func readTakeaways(_ block: Block) {
        switch block.kind {
        case .paragraph:
            let text = note.source(from: block.line, to: block.endLine)
            var title = BoldLead(block.inlines)?.title ?? ItemText.split(block.plainText).title
            if let lead = BoldLead(block.inlines), Self.genericLessonLabels.contains(Vocabulary.normalize(lead.title)), !lead.rest.isEmpty {
                title = ItemText.firstSentence(lead.rest).title
            }
            session.takeaways.append(Takeaway(title: title, text: text, line: block.line))
        case .list:
            if let last = session.takeaways.indices.last, session.takeaways[last].text.hasSuffix(":"),
               session.takeaways[last].line < block.line {
                session.takeaways[last].text += "\n" + note.source(from: block.line, to: block.endLine)
                return
            }
            for item in block.children {
                let head = item.children.first ?? item
                let title = BoldLead(head.inlines)?.title ?? ItemText.split(head.plainText).title
                session.takeaways.append(Takeaway(title: title, text: Self.dropBullet(note.source(from: item.line, to: item.endLine)), line: item.line))
            }
        case .table: readTable(block, defaultIsDone: nil)
        default: break
        }
    }

    static let genericLessonLabels: Set<String> = ["takeaway", "key takeaway", "lesson", "learning", "insight", "key insight", "note"]

    // MARK: Updates

    /// Status and text of an update, and which of the note's remaining items it resolves.
    mutating func fillUpdate(_ i: Int) {
        let blocks = updateBodies[i] ?? []
        if let first = blocks.first, let last = blocks.last {
            session.updates[i].text = note.source(from: first.line, to: last.endLine).trimmingSpaces
            let f = fields(in: first.line, last.endLine)
            if let status = f.first(where: { Vocabulary.normalize($0.key) == "status" })?.value {
                session.updates[i].status = status
            }
        }
        let update = session.updates[i]
        guard let status = update.status, TableReader.isDone(status, vocabulary) == true else { return }
        // Ticket keys count as one word (`ROAD-024`): split, every `ROAD-…` item of the note shared `road`.
        let said = Set(Tokens.content(TaskSimilarity.joinIdentifiers(([update.title] + (updateHeadings[i] ?? [])).joined(separator: " "))))
        for item in session.remaining {
            let words = Set(Tokens.content(TaskSimilarity.joinIdentifiers(item.title)))
            guard !words.isEmpty else { continue }
            let overlap = Double(words.intersection(said).count) / Double(words.count)
            if overlap >= 0.6 { session.updates[i].resolves.append(item.title) }
        }
    }

    /// A status word in an update's heading: "Update: P0 Blocker Resolved" → "Resolved".
    func statusWord(in heading: String) -> String? {
        for word in heading.split(whereSeparator: { !$0.isLetter }) {
            let n = Vocabulary.normalize(String(word))
            if ["resolved", "done", "fixed", "complete", "completed", "closed", "shipped", "merged"].contains(n) { return String(word) }
        }
        return nil
    }

    /// `"- text"` / `"1. text"` → `"text"` for the first line of an item's source.
    static func dropBullet(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f == " " { s.removeFirst() }
        if let f = s.first, "-*+".contains(f) { s.removeFirst() }
        else {
            let digits = s.prefix { $0.isNumber }
            if !digits.isEmpty, let next = s.dropFirst(digits.count).first, next == "." || next == ")" { s = s.dropFirst(digits.count + 1) }
        }
        return s.trimmingSpaces
    }
}
