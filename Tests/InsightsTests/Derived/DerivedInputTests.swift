import Foundation
import Testing
import InsightsCore
import InsightsMarkdown

/// `DerivedInput` and its bytes: what the index keeps per session so tasks and failures are recomputed
/// without decoding every session.
@Suite("Derived inputs")
struct DerivedInputTests {
    @Test("bytes round-trip small and negative numbers, Unicode and empty strings")
    func byteCoding() throws {
        var w = ByteWriter()
        w.write(0); w.write(-1); w.write(300); w.write(Int.max); w.write(Int.min)
        w.write("é✅ ab"); w.write(""); w.write(nil as String?); w.write(Optional("x")); w.write([3, -7])
        #expect(Array(w.bytes.prefix(3)) == [0, 1, 216], "zigzag: 0 → 0, -1 → 1, 300 → 600 = 216 4")
        var r = ByteReader(w.bytes)
        #expect(try r.int() == 0); #expect(try r.int() == -1); #expect(try r.int() == 300)
        #expect(try r.int() == Int.max); #expect(try r.int() == Int.min)
        #expect(try r.string() == "é✅ ab"); #expect(try r.string() == "")
        #expect(try r.optionalString() == nil); #expect(try r.optionalString() == "x")
        #expect(try r.ints() == [3, -7])
        #expect(r.isAtEnd)
        #expect(throws: ByteReader.Malformed.self) { try r.int() }
    }

    @Test("the reference note: 12 remaining items, the update's resolution, 15 failure candidates")
    func referenceNote() throws {
        let input = DerivedInput(try Corpus.session(Corpus.seed))
        #expect(input.tasks.remaining.count == 12)
        #expect(input.tasks.remaining.first { $0.dependsOn == [1] }?.priority == "P0")
        #expect(input.tasks.updates.flatMap(\.resolves).contains { $0.lowercased().contains("migration tracking") })
        // Six findings (the "Friction Points" heading only holds its table), six friction rows, three takeaways.
        #expect(input.candidates.map(\.kind.rawValue).sorted() == Array(repeating: "finding", count: 6)
                + Array(repeating: "friction", count: 6) + Array(repeating: "takeaway", count: 3))
    }

    @Test("every corpus note's input comes back from its bytes unchanged")
    func corpusRoundTrip() throws {
        let root = try #require(Corpus.root, "../shared/corpus/ is absent")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        #expect(files.count > 50)
        var candidates = 0
        let table = SharedStrings.Table()
        var sections: [String] = []
        var forms: [[String]] = []
        var titles: [String] = []
        for file in files where file != "README.md" {
            let input = DerivedInput(try Corpus.session(file))
            let bytes = input.bytes()
            #expect(DerivedInput(bytes: bytes) == input, "\(file)")
            // Read with a table of shared strings: the same input, its long strings held once.
            let shared = try #require(DerivedInput(bytes: bytes, strings: table))
            #expect(shared == input, "\(file)")
            sections += shared.candidates.map(\.section).filter { $0.utf8.count > 15 }
            forms += shared.tasks.completed.map(\.forms.full).filter { !$0.isEmpty }
            titles += (shared.tasks.remaining.map(\.title) + shared.tasks.completed.map(\.title)).filter { $0.utf8.count > 15 }
            candidates += input.candidates.count
        }
        let storage = sections.map { s in s.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil }
        #expect(Set(sections).count < sections.count && Set(storage).count == Set(sections).count)
        // A title's words are lists of their own, even when equal: the tracker drops them as it reads them, and
        // a shared list lives as long as the table.
        let lists = forms.map { $0.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        #expect(Set(forms).count < forms.count && Set(lists).count == forms.count)
        // So are the work items' titles: the tracker copies them into its own text as it reads them.
        let titleStorage = titles.map { s in s.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil }
        #expect(Set(titles).count < titles.count && Set(titleStorage).count == titles.count)
        #expect(candidates == 165, "the corpus's failure candidates, as extraction finds them today")
    }

    @Test("a title's forms are its stemmed content words, and its head's when the head differs")
    func titleForms() {
        let forms = TaskSimilarity.forms(of: "Add security headers (P1)")
        #expect(forms.full == ["secur", "header"], "'add' and 'P1' say nothing of what the work is")
        #expect(forms.head == ["secur", "header"], "the head (no parentheses) is another text, with the same words")
        #expect(TaskSimilarity.forms(of: "Env var docs").full == ["environ", "variabl", "document"])
        #expect(TaskSimilarity.forms(of: "Env var docs").head == nil)
        #expect(TaskInput.Item(number: nil, title: "Add security headers (P1)", priority: nil, priorityRank: nil, dependsOn: [], line: 1).forms == forms)
    }

    @Test("bytes of another format, cut short or with trailing junk are refused, not misread")
    func refusesOtherBytes() throws {
        let bytes = DerivedInput(try Corpus.session(Corpus.seed)).bytes()
        var other = bytes
        other[0] = UInt8(DerivedInput.format + 1) * 2  // zigzag form of the next format
        #expect(DerivedInput(bytes: other) == nil)
        #expect(DerivedInput(bytes: Array(bytes.dropLast(5))) == nil)
        #expect(DerivedInput(bytes: bytes + [0]) == nil)
        #expect(DerivedInput(bytes: []) == nil)
    }

    @Test("the tracker and the clusterer give the same results from inputs as from sessions")
    func sameResults() throws {
        // A corpus series (carried-over work) and the shipped journal (recurring failures).
        let root = try #require(Corpus.root, "../shared/corpus/ is absent")
        let series = root.appendingPathComponent("notes/tickdatapipeline").path
        let journal = Corpus.repo.appendingPathComponent("journal").path
        var sessions: [Session] = []
        for folder in [series, journal] {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".md") {
                let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
                sessions.append(NoteParser().session(from: text, fileName: name))
            }
        }
        let inputs = sessions.map(DerivedInput.init).compactMap { DerivedInput(bytes: $0.bytes()) }
        #expect(inputs.count == sessions.count)
        #expect(TaskTracker().tasks(from: inputs.map(\.tasks)) == TaskTracker().tasks(from: sessions))
        #expect(FailureClusterer().clusters(inputs) == FailureClusterer().clusters(sessions))
        #expect(FailureClusterer().clusters(inputs).filter { $0.sessions >= 2 }.count == 6, "the shipped journal's six recurring failures")
        #expect(TaskTracker().tasks(from: inputs.map(\.tasks)).contains { $0.mentions.count >= 2 })
    }

    @Test("taking the candidates: by session date then id, each session's in note order; the inputs left in that order")
    func splitOrder() {
        func input(_ id: String, _ date: String, lines: [Int]) -> DerivedInput {
            DerivedInput(tasks: TaskInput(id: id, date: date), candidates: lines.map { line in
                FailureCandidate(session: id, date: date, kind: .finding, category: "process", title: "t\(line)", text: "",
                                 line: line, titleText: "t\(line)", bodyText: "")
            })
        }
        let inputs = [input("b", "2026-02-01", lines: [9, 3]), input("c", "2026-01-15", lines: [4]),
                      input("a", "2026-02-01", lines: [7]), input("d", "2026-01-15", lines: [])]
        var split = inputs
        let candidates = DerivedInput.candidates(taking: &split)
        #expect(split.allSatisfy { $0.candidates.isEmpty })
        #expect(split.map(\.id) == ["c", "d", "a", "b"])
        #expect(candidates.map(\.key) == ["c#4", "a#7", "b#9", "b#3"])
        // What the clusterer read before the split: the sorted inputs' candidates, flattened.
        #expect(candidates == inputs.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.flatMap(\.candidates))
        #expect(inputs[0].candidates.count == 2, "a copy of the array is not changed")
        // Gathered a session at a time, as the recompute reads them: put in that order when they are not.
        var unordered = CandidateList()
        for var input in inputs { unordered.take(from: &input) }
        #expect(unordered.takeOrdered() == candidates)
        #expect(unordered.takeOrdered().isEmpty, "taken once")
        var ordered = CandidateList()
        for var input in inputs.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) { ordered.take(from: &input) }
        #expect(ordered.takeOrdered() == candidates)
    }
}
