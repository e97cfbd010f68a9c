extension NoteExtractor {
    /// Gives `session` a date from outside its text (a log entry's heading, a git commit) and the id that goes
    /// with it; drops the "no date found" diagnostic that no longer applies.
    ///
    /// A note titled "Last session" redated to `2026-04-12` from `commit` →
    /// `id == "2026-04-12-last-session"`, `dateSource == "commit"`.
    public static func redate(_ session: inout Session, to date: String, source: String) {
        session.date = date
        session.dateSource = source
        session.unclassified.removeAll { $0.line == 1 && $0.message.hasPrefix("no date found") }
        session.id = date + "-" + Slug.make(titleWithoutDate(session.title), maxLength: 50)
    }
}
