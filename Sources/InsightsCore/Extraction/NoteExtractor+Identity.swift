import Foundation

extension NoteExtractor {
    /// Title, date, tags and id of a session, from front matter, headings, fields and the file name.
    func identify(_ session: inout Session, note: NoteText, document: Block, fileName: String?, fallbackDate: String?) {
        let fm = note.frontMatter
        let headings = document.children.filter { $0.headingLevel != nil }
        let h1 = headings.first { $0.headingLevel == 1 }
        let baseName = fileName.map(Self.baseName)

        session.title = fm.values["title"]
            ?? (h1 ?? headings.first).map { $0.plainText.trimmingSpaces }
            ?? note.lines.first(where: { !$0.trimmingSpaces.isEmpty }).map { String($0.prefix(120)).trimmingSpaces }
            ?? baseName ?? "Untitled note"
        if session.title.isEmpty { session.title = baseName ?? "Untitled note" }

        let dateField = session.fields.first { Vocabulary.normalize($0.key).containsPhrase("date") }?.value
        let h1Dates = document.children.prefix(8).filter { $0.headingLevel == 1 }.map(\.plainText)
        if let d = fm.values["date"].flatMap({ DateParser.firstDate(in: $0) }) {
            (session.date, session.dateSource) = (d, "front-matter")
        } else if let d = h1Dates.lazy.compactMap({ DateParser.firstDate(in: $0) }).first {
            (session.date, session.dateSource) = (d, "title")
        } else if let d = dateField.flatMap({ DateParser.firstDate(in: $0) }) {
            (session.date, session.dateSource) = (d, "field")
        } else if let d = baseName.flatMap({ DateParser.firstDate(in: $0) }) {
            (session.date, session.dateSource) = (d, "file-name")
        } else if let d = fallbackDate {
            (session.date, session.dateSource) = (d, "ingested")
            session.unclassified.append(Diagnostic(line: 1, message: "no date found; using \(d), the day it was ingested",
                hint: "add a `date:` front matter key, a `**Date**: YYYY-MM-DD` line, or name the file YYYY-MM-DD-title.md"))
        }

        var tags = fm.tags.map { $0.lowercased() }
        for tag in Self.hashtags(in: note, document: document) where !tags.contains(tag) { tags.append(tag) }
        session.tags = tags

        let titleForSlug = Self.titleWithoutDate(session.title)
        session.id = (session.date.isEmpty ? "undated" : session.date) + "-" + Slug.make(titleForSlug, maxLength: 50)
        if session.findings.isEmpty && session.remaining.isEmpty && session.completed.isEmpty && session.friction.isEmpty {
            session.unclassified.append(Diagnostic(line: 1, message: "nothing was extracted: no findings, friction, done or remaining work",
                hint: "use headings such as \"Findings\", \"Completed\" and \"Next Steps\", or `- [ ]` items"))
        }
        session.unclassified.sort { $0.line < $1.line }
    }

    /// `notes/SESSION_NOTES_2025-11-20.md` → `SESSION_NOTES_2025-11-20`.
    static func baseName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        for ext in [".markdown", ".md", ".txt"] where name.lowercased().hasSuffix(ext) {
            return String(name.dropLast(ext.count))
        }
        return name
    }

    /// `"Session Insights - December 17, 2025"` → `"Session Insights"`.
    static func titleWithoutDate(_ title: String) -> String {
        guard let match = DateParser.firstMatch(in: title) else { return title }
        var t = title
        t.removeSubrange(match.range)
        let cleaned = ItemText.dropLeadingSeparator(t.trimmingCharacters(in: " -–—:,()|"))
        return cleaned.isEmpty ? title : cleaned
    }

    /// `#tags` written in paragraphs and list items (not headings, code or `#12` issue numbers).
    static func hashtags(in note: NoteText, document: Block) -> [String] {
        guard mayHoldHashtag(note.markdown) else { return [] }
        var tags: [String] = []
        func scan(_ block: Block) {
            switch block.kind {
            case .code, .html, .heading: return
            case .paragraph, .tableCell:
                for inline in block.inlines {
                    guard case .text(let text) = inline, text.utf8.contains(UInt8(ascii: "#")) else { continue }
                    var previous: Character = " "
                    var i = text.startIndex
                    while i < text.endIndex {
                        if text[i] == "#", previous.isWhitespace || previous == "(" {
                            let rest = text[text.index(after: i)...]
                            let word = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                            if let f = word.first, f.isLetter, word.count <= 40 {
                                let tag = word.lowercased().trimmingCharacters(in: "-_")
                                if !tags.contains(tag) { tags.append(tag) }
                            }
                        }
                        previous = text[i]
                        i = text.index(after: i)
                    }
                }
            default: break
            }
            for child in block.children { scan(child) }
        }
        scan(document)
        return tags
    }

    /// False only when `markdown` can hold no `#tag`: no `#` followed by a letter (ASCII or not) and no `&`,
    /// which could start an entity for `#`. Most notes hold none, and their tree is then not walked (walking it
    /// was 3% of the instructions of a cold ingest).
    static func mayHoldHashtag(_ markdown: String) -> Bool {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            if ASCII.anyPosition(of: UInt8(ascii: "&"), in: bytes, where: { _ in true }) { return true }
            return ASCII.anyPosition(of: UInt8(ascii: "#"), in: bytes) { i in
                guard i + 1 < bytes.count else { return false }
                let next = bytes[i + 1]
                return next >= 0x80 || ASCII.isLetter(next)
            }
        }
    }
}
