import InsightsCore

/// Parses a note and extracts its session in one call: the entry point ingest uses.
///
/// `NoteParser(vocabulary: .default).session(from: text, fileName: "SESSION_INSIGHTS-2025-12-17.md")`
/// → `Session(id: "2025-12-17-session-insights", date: "2025-12-17", findings: [...], ...)`.
public struct NoteParser: Sendable {
    public let extractor: NoteExtractor

    public init(vocabulary: Vocabulary = .default) {
        extractor = NoteExtractor(vocabulary: vocabulary)
    }

    /// The session in `text`; `fallbackDate` is used when neither the note nor its file name has a date.
    public func session(from text: String, fileName: String?, fallbackDate: String? = nil) -> Session {
        let note = NoteText(text)
        let document = MarkdownParser.parse(note.markdown)
        return extractor.extract(note, document: document, fileName: fileName, fallbackDate: fallbackDate)
    }
}
