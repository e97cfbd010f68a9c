/// Turns a parsed note into a `Session`: walks its sections and classifies what is in them.
///
/// `NoteExtractor(vocabulary: .default).extract(NoteText(text), document: tree, fileName: "x.md")` → `Session`.
/// Pure: the block tree comes from `InsightsMarkdown`, everything else from the arguments.
public struct NoteExtractor: Sendable {
    public let vocabulary: Vocabulary

    public init(vocabulary: Vocabulary = .default) {
        self.vocabulary = vocabulary
    }

    /// Extracts everything; `fallbackDate` is used when the note, its front matter and its file name carry none.
    public func extract(_ note: NoteText, document: Block, fileName: String?, fallbackDate: String? = nil) -> Session {
        var walk = Walk(note: note, vocabulary: vocabulary)
        for block in document.children { walk.visit(block) }
        walk.finish()
        var session = walk.session
        identify(&session, note: note, document: document, fileName: fileName, fallbackDate: fallbackDate)
        return session
    }
}

/// The state of one pass over a note's top-level blocks.
struct Walk {
    let note: NoteText
    let vocabulary: Vocabulary
    var session = Session()

    /// What the enclosing heading makes of the blocks under it.
    enum Context: Equatable {
        case none
        case section(SectionKind)
        /// Blocks under a finding's own heading, by index into `session.findings`.
        case finding(Int)
        case update(Int)
    }

    struct Frame {
        var level: Int
        var context: Context
        var priority: String?
        var category: String
        var heading: String
        var line: Int
        var hasContent = false
        /// A heading under a work section that is not the section's own heading ("### 1. Add retries ✅").
        var isWorkSubheading = false
        /// Set by the first block under the heading: true when it is a plain paragraph (not an intro ending
        /// in ":"), meaning each paragraph of the section is an item of its own.
        var isParagraphStyle: Bool?
        /// A change-log entry heading; its body is not a section to classify.
        var isChangeEntry = false
        /// A heading whose only content is a short value ("## Branch" / "master"), kept as a session field.
        var isField = false
        /// A `---` came after the heading: the blocks after it are not the section's items.
        var isClosedByRule = false
        /// Work items recorded when the heading opened, to tell whether any were found under it.
        var workCountAtStart = 0
    }

    var stack: [Frame] = []
    var findingBodies: [Int: [Block]] = [:]
    var updateBodies: [Int: [Block]] = [:]
    var updateHeadings: [Int: [String]] = [:]
    var sawFirstHeading = false
    var preambleOpen = true
    var titleLine: Int?
    /// The block visited just before, under the same heading (nil right after a heading).
    var previousBlock: Block?

    init(note: NoteText, vocabulary: Vocabulary) {
        self.note = note
        self.vocabulary = vocabulary
    }

    var context: Context {
        guard let top = stack.last else { return .none }
        if top.isClosedByRule, case .section = top.context { return .none }
        return top.context
    }
    var sectionPriority: String? { stack.last?.priority }
    var sectionHeading: String { stack.last?.heading ?? "" }

    mutating func visit(_ block: Block) {
        if let level = block.headingLevel {
            enterHeading(block, level: level)
            previousBlock = nil
            return
        }
        defer { previousBlock = block }
        if block.kind == .thematicBreak {
            // A rule ends the section's items: what follows until the next heading is a footer.
            if !stack.isEmpty { stack[stack.count - 1].isClosedByRule = true }
            return
        }
        if !stack.isEmpty {
            stack[stack.count - 1].hasContent = true
            if stack[stack.count - 1].isParagraphStyle == nil {
                stack[stack.count - 1].isParagraphStyle = block.kind == .paragraph && BoldLead(block.inlines) == nil
                    && !block.plainText.trimmingSpaces.hasSuffix(":")
            }
        }
        switch context {
        case .none:
            if preambleOpen { readFields(block) }
            if let top = stack.last, isShortFieldSection(top, block) {
                session.fields[top.heading] = block.plainText.trimmingSpaces
                stack[stack.count - 1].isField = true
            }
            readLoose(block)
        case .section(.reference):
            readLoose(block)
        case .section(.findings): readFindings(block)
        case .section(.remaining): readWork(block, isDoneSection: false)
        case .section(.completed): readWork(block, isDoneSection: true)
        case .section(.takeaways): readTakeaways(block)
        case .section(.summary):
            readSummary(block)
            readLoose(block)
        case .section(.update): readLoose(block)
        case .finding(let i):
            findingBodies[i, default: []].append(block)
            readLoose(block, tablesAreFriction: true)
        case .update(let i):
            updateBodies[i, default: []].append(block)
            readLoose(block)
        }
    }

    mutating func enterHeading(_ block: Block, level: Int) {
        let text = block.plainText.trimmingSpaces
        if !sawFirstHeading && level == 1 { titleLine = block.line; sawFirstHeading = true; return }
        sawFirstHeading = true
        if preambleOpen, let field = Self.headingField(text) {
            // "# Date: 2025-10-18" among the title lines is a field, not a section.
            session.fields[field.label] = field.value
            return
        }
        if level <= 2 { preambleOpen = false }
        flagUnclassifiedSection()
        while let top = stack.last, top.level >= level { close(stack.removeLast()) }
        let parent = stack.last
        if let entry = Self.changeEntryTitle(text) {
            // "## CHANGE #3: IMPLEMENT PROCESS_TICK_CPM! FUNCTION" — a change-log entry is done work.
            while let top = stack.last, top.level >= level { close(stack.removeLast()) }
            session.completed.append(Completed(title: entry, status: "change", line: block.line, section: stack.last?.heading ?? ""))
            stack.append(Frame(level: level, context: .none, priority: nil, category: "general", heading: text, line: block.line, hasContent: true))
            stack[stack.count - 1].isChangeEntry = true
            return
        }
        let own = SectionKind.classify(text, vocabulary)
        let headingPriority = ItemText.priorityWord(in: text, vocabulary)
            ?? headingPriorityWord(text)
        var frame = Frame(level: level, context: .none, priority: headingPriority ?? parent?.priority,
                          category: parent?.category ?? "general", heading: text, line: block.line)

        switch (parent?.context, own) {
        case (.section(.findings)?, _) where own != .update && own != .remaining && own != .completed:
            // A heading under a findings section is a finding; its own words (e.g. "Issues with X") do not matter.
            let (title, severity) = ItemText.titleAndSeverity(text, vocabulary)
            session.findings.append(Finding(title: title, category: parent?.category ?? "general",
                                            severity: severity, line: block.line, section: parent?.heading ?? ""))
            frame.context = .finding(session.findings.count - 1)
        case (.finding(let i)?, _) where own == nil || own == .findings:
            if findingBodies[i, default: []].isEmpty, stack.last?.hasContent == false {
                // The parent "finding" had no text of its own: it was a group heading ("### Database").
                let group = session.findings.remove(at: i)
                findingBodies[i] = nil
                stack[stack.count - 1].context = .section(.findings)
                stack[stack.count - 1].category = Vocabulary.normalize(group.title)
                let (title, severity) = ItemText.titleAndSeverity(text, vocabulary)
                session.findings.append(Finding(title: title, category: stack[stack.count - 1].category,
                                                severity: severity, line: block.line, section: group.title))
                frame.category = stack[stack.count - 1].category
                frame.context = .finding(session.findings.count - 1)
            } else {
                frame.context = .finding(i)
                findingBodies[i, default: []].append(block)
            }
        case (.section(let parentKind)?, _) where (parentKind == .remaining || parentKind == .completed)
                && own != .update && own != .remaining && own != .completed && own != .reference:
            // "### ✅ Bug 1 — ... (FIXED)" under "Open Bugs": a work item heading, whatever its words.
            frame.context = .section(Self.hasDoneMark(text) ? .completed : parentKind)
            frame.isWorkSubheading = true
        case (.update(let i)?, nil), (.update(let i)?, .summary?), (.update(let i)?, .completed?):
            frame.context = .update(i)
            updateHeadings[i, default: []].append(text)
        case (_, .update?):
            let (title, _) = ItemText.titleAndSeverity(text, vocabulary)
            session.updates.append(Update(title: title, status: statusWord(in: text), line: block.line))
            frame.context = .update(session.updates.count - 1)
        case (_, let kind?):
            frame.context = .section(kind)
            if kind == .findings {
                frame.category = SectionKind.findingCategory(text, vocabulary)
                if SectionKind.namesSubject(text, vocabulary) {
                    // "## VPN issues": one finding about that subject, not one per paragraph.
                    let (title, severity) = ItemText.titleAndSeverity(text, vocabulary)
                    session.findings.append(Finding(title: title, category: frame.category, severity: severity,
                                                    line: block.line, section: parent?.heading ?? ""))
                    frame.context = .finding(session.findings.count - 1)
                }
            }
            if kind == .remaining || kind == .completed { frame.priority = headingPriority ?? parent?.priority }
        case (.section(let kind)?, nil):
            frame.context = .section(kind)
            frame.isWorkSubheading = kind == .remaining || kind == .completed
        case (.update(let i)?, _):
            frame.context = .update(i)
        default:
            frame.context = .none
        }
        frame.workCountAtStart = session.remaining.count + session.completed.count
        stack.append(frame)
    }

    /// Whether `block` is the short first paragraph of an unclassified heading of at most three words.
    func isShortFieldSection(_ frame: Frame, _ block: Block) -> Bool {
        guard block.kind == .paragraph, frame.isParagraphStyle == true, !frame.isField,
              frame.heading.split(separator: " ").count <= 3, block.line == block.endLine else { return false }
        return block.plainText.count <= 100 && session.fields[frame.heading] == nil
    }

    /// A work sub-heading under which no item was found is itself the item ("### 1. Fix login ✅" + prose).
    mutating func close(_ frame: Frame) {
        guard frame.isWorkSubheading, frame.hasContent,
              session.remaining.count + session.completed.count == frame.workCountAtStart,
              case .section(let kind) = frame.context else { return }
        let (title, severity) = ItemText.titleAndSeverity(frame.heading, vocabulary)
        let clean = title.trimmingCharacters(in: " ✅✔☑️")
        guard !clean.isEmpty, !isGroupHeading(clean) else { return }
        if kind == .completed || Self.hasDoneMark(frame.heading) {
            session.completed.append(Completed(title: clean, status: frame.heading.contains("✅") ? "✅" : "done", line: frame.line, section: frame.heading))
        } else {
            let p = severity ?? frame.priority
            session.remaining.append(Remaining(title: clean, priority: p, priorityRank: p.flatMap { Priority.rank($0, vocabulary) },
                                               line: frame.line, section: frame.heading))
        }
    }

    /// A heading that only names a priority or group ("P1 - Stabilization", "High", "Blockers").
    func isGroupHeading(_ text: String) -> Bool {
        let words = Vocabulary.normalize(text).split(separator: " ").map(String.init)
            .filter { vocabulary.priorities[$0] == nil && $0 != "priority" && !$0.allSatisfy(\.isNumber) }
        return words.count <= 1
    }

    /// Whether a heading says its work is done: ✅, ✔ or a trailing "(FIXED)" / "(DONE)" / "(RESOLVED)".
    static func hasDoneMark(_ text: String) -> Bool {
        if text.contains("✅") || text.contains("✔") { return true }
        let upper = text.uppercased()
        return ["(FIXED)", "(DONE)", "(RESOLVED)", "(COMPLETE)", "(COMPLETED)", "(SHIPPED)"].contains { upper.hasSuffix($0) }
    }

    /// `"Date: 2025-10-18"` → ("Date", "2025-10-18"): a short label, a colon and a value.
    static func headingField(_ text: String) -> (label: String, value: String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let label = text[..<colon].trimmingSpaces
        let value = text[text.index(after: colon)...].trimmingSpaces
        guard !label.isEmpty, !value.isEmpty, label.split(separator: " ").count <= 2,
              label.first?.isLetter == true else { return nil }
        return (label.prefix(1).uppercased() + label.dropFirst().lowercased(), value)
    }

    /// `"CHANGE #3: IMPLEMENT X"` → `"IMPLEMENT X"`; nil for other headings.
    static func changeEntryTitle(_ text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix("change #") || lower.hasPrefix("change "),
              let colon = text.firstIndex(of: ":") else { return nil }
        let marker = lower[lower.index(lower.startIndex, offsetBy: 6)..<lower.index(lower.startIndex, offsetBy: text.distance(from: text.startIndex, to: colon))]
        guard marker.trimmingSpaces.drop(while: { $0 == "#" }).allSatisfy(\.isNumber), !marker.trimmingSpaces.isEmpty else { return nil }
        let title = text[text.index(after: colon)...].trimmingSpaces
        return title.isEmpty ? nil : title
    }

    /// The ASCII bytes heading words are split at, besides white space.
    static let headingBreaks: Set<UInt8> = Set("-:()".utf8)

    /// Priority named by a heading that is only a priority word ("High", "🔴 Critical").
    func headingPriorityWord(_ text: String) -> String? {
        let words = text.isAllASCII
            ? text.utf8.split(whereSeparator: { ASCII.isSpace($0) || Self.headingBreaks.contains($0) }).prefix(3).map { Substring($0) }
            : Array(text.split(whereSeparator: { $0.isWhitespace || "-–—:()".contains($0) }).prefix(3))
        let vocabulary = vocabulary  // captured alone, not with a copy of the walk
        for w in words {
            // Most headings' first words name no priority: told on their bytes, without a `String` of each.
            if let rank = w.utf8.withContiguousStorageIfAvailable({ vocabulary.priorityRank(ascii: $0) }) ?? nil, rank == nil { continue }
            let n = Vocabulary.normalize(String(w))
            guard let rank = vocabulary.priorities[n] else { continue }
            // "Blockers" names a rank, not a priority word anyone writes: show it as P0.
            return n.hasPrefix("blocker") ? Priority.label(rank: rank) : String(w)
        }
        return nil
    }

    mutating func flagUnclassifiedSection() {
        guard let top = stack.last, top.context == .none, top.hasContent, !top.isChangeEntry, !top.isField else { return }
        session.unclassified.append(Diagnostic(
            line: top.line,
            message: "section \"\(top.heading)\" was not classified",
            hint: "if it holds findings, done work or tasks, name it like \"Findings\", \"Completed\" or \"Next Steps\", or add its words to vocabulary.sections in insights.json"))
    }

    mutating func finish() {
        flagUnclassifiedSection()
        while let top = stack.popLast() { close(top) }
        for i in session.findings.indices {
            fillFinding(i)
        }
        for i in session.updates.indices {
            fillUpdate(i)
        }
    }
}
