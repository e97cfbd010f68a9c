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
    }

    var stack: [Frame] = []
    var findingBodies: [Int: [Block]] = [:]
    var updateBodies: [Int: [Block]] = [:]
    var updateHeadings: [Int: [String]] = [:]
    var sawFirstHeading = false
    var preambleOpen = true
    var titleLine: Int?

    init(note: NoteText, vocabulary: Vocabulary) {
        self.note = note
        self.vocabulary = vocabulary
    }

    var context: Context { stack.last?.context ?? .none }
    var sectionPriority: String? { stack.last?.priority }
    var sectionHeading: String { stack.last?.heading ?? "" }

    mutating func visit(_ block: Block) {
        if let level = block.headingLevel {
            enterHeading(block, level: level)
            return
        }
        if !stack.isEmpty { stack[stack.count - 1].hasContent = true }
        switch context {
        case .none:
            if preambleOpen { readFields(block) }
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
        if level <= 2 { preambleOpen = false }
        flagUnclassifiedSection()
        while let top = stack.last, top.level >= level { stack.removeLast() }
        let parent = stack.last
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
        case (.update(let i)?, nil), (.update(let i)?, .summary?):
            frame.context = .update(i)
            updateHeadings[i, default: []].append(text)
        case (_, .update?):
            let (title, _) = ItemText.titleAndSeverity(text, vocabulary)
            session.updates.append(Update(title: title, status: statusWord(in: text), line: block.line))
            frame.context = .update(session.updates.count - 1)
        case (_, let kind?):
            frame.context = .section(kind)
            if kind == .findings { frame.category = SectionKind.findingCategory(text, vocabulary) }
            if kind == .remaining || kind == .completed { frame.priority = headingPriority ?? parent?.priority }
        case (.section(let kind)?, nil):
            frame.context = .section(kind)
        case (.update(let i)?, _):
            frame.context = .update(i)
        default:
            frame.context = .none
        }
        stack.append(frame)
    }

    /// Priority named by a heading that is only a priority word ("High", "🔴 Critical").
    func headingPriorityWord(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace || "-–—:()".contains($0) })
        for w in words.prefix(3) where vocabulary.priorities[Vocabulary.normalize(String(w))] != nil {
            return String(w)
        }
        return nil
    }

    mutating func flagUnclassifiedSection() {
        guard let top = stack.last, top.context == .none, top.hasContent else { return }
        session.unclassified.append(Diagnostic(
            line: top.line,
            message: "section \"\(top.heading)\" was not classified",
            hint: "if it holds findings, done work or tasks, name it like \"Findings\", \"Completed\" or \"Next Steps\", or add its words to vocabulary.sections in insights.json"))
    }

    mutating func finish() {
        flagUnclassifiedSection()
        for i in session.findings.indices {
            fillFinding(i)
        }
        for i in session.updates.indices {
            fillUpdate(i)
        }
    }
}
