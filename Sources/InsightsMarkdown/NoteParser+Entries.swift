import InsightsCore

extension NoteParser {
    /// The sessions of a multi-entry log, one per dated entry, or `[]` when the note is one session under `mode`.
    ///
    /// Each session's line numbers are the original file's, its `entry` says which lines it came from, its hash
    /// is the entry text's, and its date is the entry heading's:
    /// `"# Log\n\n## 2026-04-02 B\n- [ ] x\n\n## 2026-04-01 A\n"` → sessions `2026-04-02-b` (lines 3–4) and
    /// `2026-04-01-a` (line 6).
    public func entrySessions(from text: String, fileName: String?, mode: SplitMode) -> [Session] {
        guard EntrySplitter.mayHaveEntries(text, mode: mode) else { return [] }
        let note = NoteText(text)
        let entries = EntrySplitter.entries(in: MarkdownParser.parse(note.markdown), note: note, mode: mode)
        return entries.map { entry in
            let padded = NoteText(EntrySplitter.paddedText(of: entry, in: note))
            var session = extractor.extract(padded, document: MarkdownParser.parse(padded.markdown), fileName: nil)
            NoteExtractor.redate(&session, to: entry.date, source: "entry")
            session.hash = SHA256.hex(Array(EntrySplitter.text(of: entry, in: note).utf8))
            session.entry = entry
            return session
        }
    }
}
