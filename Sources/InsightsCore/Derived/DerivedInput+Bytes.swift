extension DerivedInput {
    /// Bumped whenever what a `DerivedInput` holds or how it is read out of a session changes (a new field,
    /// a change to `FailureCandidates` or `TaskInput`): stored bytes of another format are not read, and the
    /// input is made again from the session.
    public static let format = 2

    /// The compact form the index stores beside each session.
    public func bytes() -> [UInt8] {
        var w = ByteWriter()
        w.write(Self.format)
        w.write(tasks.id); w.write(tasks.date); w.write(tasks.tags)
        w.write(tasks.remaining.count)
        for r in tasks.remaining {
            w.write(r.number); w.write(r.title); w.write(r.priority); w.write(r.priorityRank); w.write(r.dependsOn); w.write(r.line)
            write(r.forms, &w)
        }
        w.write(tasks.completed.count)
        for c in tasks.completed { w.write(c.title); w.write(c.line); write(c.forms, &w) }
        w.write(tasks.updates.count)
        for u in tasks.updates { w.write(u.title); w.write(u.resolves); w.write(u.line) }
        w.write(candidates.count)
        for c in candidates {
            // Session and date are the input's own.
            w.write(c.kind.rawValue); w.write(c.category); w.write(c.title); w.write(c.text); w.write(c.line)
            w.write(c.titleText); w.write(c.bodyText); w.write(c.labels.sorted()); w.write(c.fixes); w.write(c.section)
            w.write(c.judgedResponse); w.write(c.mentionedDates.sorted())
        }
        return w.bytes
    }

    private func write(_ forms: TitleForms, _ w: inout ByteWriter) {
        w.write(forms.full)
        w.write(forms.head != nil)
        if let head = forms.head { w.write(head) }
    }

    /// A title's words are lists of their own: the tracker drops them once it has read them, which a shared
    /// list would outlive (at 50,000 notes, 76 MB held until every input was read).
    private static func forms(_ r: inout ByteReader) throws -> TitleForms {
        TitleForms(full: try r.ownStrings(), head: try r.bool() ? try r.ownStrings() : nil)
    }

    /// Reads `bytes()`; nil when they are of another format or damaged (make the input from the session then).
    /// `strings`: where the strings read are shared with those of other inputs (nil: not shared).
    public init?(bytes: [UInt8], strings: SharedStrings.Table? = nil) {
        var r = ByteReader(bytes, strings: strings)
        do {
            guard try r.int() == Self.format else { return nil }
            let id = try r.string(), date = try r.string()
            var tasks = TaskInput(id: id, date: date, tags: try r.strings())
            // Work items' titles are never shared: the tracker copies them into its own text (`TaskIntake`), and a
            // shared title stayed held by the decoding table until every input was read (46 MB at 50,000 notes).
            for _ in 0..<(try r.count()) {
                tasks.remaining.append(TaskInput.Item(number: try r.optionalInt(), title: try r.ownString(), priority: try r.optionalString(),
                                                      priorityRank: try r.optionalInt(), dependsOn: try r.ints(), line: try r.int(),
                                                      forms: try Self.forms(&r)))
            }
            for _ in 0..<(try r.count()) {
                tasks.completed.append(TaskInput.Done(title: try r.ownString(), line: try r.int(), forms: try Self.forms(&r)))
            }
            for _ in 0..<(try r.count()) {
                tasks.updates.append(TaskInput.Resolution(title: try r.string(), resolves: try r.strings(), line: try r.int()))
            }
            var candidates: [FailureCandidate] = []
            for _ in 0..<(try r.count()) {
                guard let kind = FailureCandidate.Kind(rawValue: try r.string()) else { return nil }
                let category = try r.string(), title = try r.string(), text = try r.string(), line = try r.int()
                // The title is compared as written (byte for byte): one string for both, not two copies.
                let titleText = try r.string()
                var c = FailureCandidate(session: id, date: date, kind: kind, category: category, title: title, text: text, line: line,
                                         titleText: titleText.utf8.elementsEqual(title.utf8) ? title : titleText, bodyText: try r.string(),
                                         labels: Set(try r.strings()), fixes: try r.strings(), section: try r.string())
                c.judgedResponse = try r.string()
                c.mentionedDates = Set(try r.strings())
                candidates.append(c)
            }
            guard r.isAtEnd else { return nil }
            self.init(tasks: tasks, candidates: candidates)
        } catch {
            return nil
        }
    }
}
