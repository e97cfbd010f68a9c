import Foundation
import Synchronization
import Mustache
import Testing
import InsightsCore
@testable import InsightsSite

/// The compiled template engine renders exactly what swift-mustache renders: snippet by snippet (standalone
/// lines, comments, partials, escaping, lookups), and page by page for whole sites.
@Suite("Template engine")
struct TemplateEngineTests {
    struct Item { var name: String; var note: String?; var tags: [String] }
    struct View {
        var title: String
        var count: Int
        var isOn: Bool
        var isOff: Bool
        var items: [Item]
        var empty: [Item]
        var nested: Item
        var missing: String?
    }

    static let view = View(title: "A <b> & \"c\" 'd' ≮ é", count: 3, isOn: true, isOff: false,
                           items: [Item(name: "one", note: "n1", tags: ["x", "y"]), Item(name: "two", note: nil, tags: [])],
                           empty: [], nested: Item(name: "deep", note: nil, tags: ["z"]), missing: nil)

    static let snippets = [
        "{{title}} / {{{title}}} / {{&title}}",
        "{{count}} {{isOn}} {{isOff}}",
        "{{#items}}<li>{{name}}{{#note}} ({{note}}){{/note}}{{^note}} (none{{title}}){{/note}}</li>\n{{/items}}",
        "<ul>\n{{#items}}\n  <li>{{name}}</li>\n{{/items}}\n</ul>\n",
        "  {{#isOn}}\n  on\n  {{/isOn}}\n  {{^isOn}}\n  off\n  {{/isOn}}\nend",
        "{{^empty}}nothing{{/empty}}{{^items}}never{{/items}}{{#empty}}never{{/empty}}",
        "{{! a comment }}x\n  {{! standalone }}\n  {{! inline }} y\n",
        "{{#nested}}{{name}} {{title}} {{.name}}|{{.title}}{{/nested}} {{nested.name}} {{nested.tags}}",
        "{{#items}}{{#tags}}[{{.}}]{{/tags}}{{/items}}",
        "{{missing}}|{{#missing}}m{{/missing}}|{{^missing}}no{{/missing}}|{{nested.missing}}|{{nope.deeper}}",
        "a {{> part}} b\n  {{> part}}\n{{> part}}\nc",
        "{{#isOn}}\r\nwindows\r\n{{/isOn}}\r\n",
        "{ {{title}} } {{ title }} {x",
        "{{#count}}[{{.}}]{{/count}}{{^count}}no{{/count}}",
    ]

    static func mustache(_ template: String, partial: String) throws -> String {
        var library = MustacheLibrary()
        try library.register(template, named: "t")
        try library.register(partial, named: "part")
        return try #require(library.render(TemplateTree.of(view), withTemplate: "t"))
    }

    static func compiled(_ template: String, partial: String) throws -> String {
        let partials = ["t": try TemplateParser.parse(template), "part": try TemplateParser.parse(partial)]
        return try #require(partials["t"]).render(TemplateValue(view), partials: partials)
    }

    @Test("each snippet renders as swift-mustache renders it", arguments: snippets)
    func snippet(_ template: String) throws {
        for partial in ["<p>{{title}}</p>", "line 1\n{{#items}}\n  - {{name}}\n{{/items}}\nlast\n"] {
            #expect(try Self.compiled(template, partial: partial) == Self.mustache(template, partial: partial), "\(template)")
        }
    }

    @Test("a quote that a combining mark follows is escaped: the browser would end an attribute there")
    func combiningQuote() throws {
        let template = try TemplateParser.parse("<meta content=\"{{title}}\">")
        let view = TemplateValue.object(["title": .string("x\u{22}\u{301} onload=alert(1) <\u{338}")])
        #expect(template.render(view, partials: [:]) == "<meta content=\"x&quot;\u{301} onload=alert(1) &lt;\u{338}\">")
    }

    struct Numbers: Encodable { var small: Int8; var ratio: Float; var count: UInt }
    enum Payload: Encodable { case one(String) }
    struct Odd: Encodable { var payload: Payload; var name: String }

    @Test("views with other numbers encode them; one needing a nested container is reflected, not emptied")
    func encoderEdges() throws {
        let template = try TemplateParser.parse("{{small}} {{ratio}} {{count}}")
        #expect(template.render(TemplateValue(Numbers(small: -5, ratio: 1.5, count: 7)), partials: [:]) == "-5 1.5 7")
        #expect(TemplateEncoder.value(of: Odd(payload: .one("x"), name: "n")) == nil)
        let odd = try TemplateParser.parse("{{name}}").render(TemplateValue(Odd(payload: .one("x"), name: "n")), partials: [:])
        #expect(odd == "n")
    }

    struct Row: Encodable { var name: String }
    struct Table: Encodable { var rows: [Row]; var title: String }
    struct Holes: Encodable { var names: [String?] }

    @Test("a view's array is converted row by row as its section walks it, empty or not")
    func rows() throws {
        let template = try TemplateParser.parse("{{#rows}}<{{name}} of {{title}}>{{/rows}}{{^rows}}none{{/rows}}")
        let full = TemplateValue(Table(rows: [Row(name: "a"), Row(name: "b")], title: "t"))
        guard case .object(let fields) = full, case .rows(let rows)? = fields["rows"] else { Issue.record("not rows"); return }
        #expect(rows.count == 2)
        #expect(template.render(full, partials: [:]) == "<a of t><b of t>")
        #expect(template.render(TemplateValue(Table(rows: [], title: "t")), partials: [:]) == "none")
        #expect(try TemplateParser.parse("{{{rows}}}").render(full, partials: [:]) == #"[["name": "a"], ["name": "b"]]"#)
        // nils are left out, as a list leaves them out: only nils is an empty list.
        let holes = try TemplateParser.parse("{{#names}}[{{.}}]{{/names}}{{^names}}none{{/names}}")
        #expect(holes.render(TemplateValue(Holes(names: [nil, nil])), partials: [:]) == "none")
        #expect(holes.render(TemplateValue(Holes(names: [nil, "b"])), partials: [:]) == "[b]")
    }

    struct LazyTable: Encodable { var rows: LazyRows<Row>; var title: String }

    @Test("lazy rows render as the array would, each row made only when its section reaches it, in both engines")
    func lazyRows() throws {
        let made = Mutex(0)
        let names = ["a", "b", "c"]
        let view = LazyTable(rows: LazyRows(count: 3) { i in made.withLock { $0 += 1 }; return Row(name: names[i]) }, title: "t")
        let text = "{{#rows}}<{{name}} of {{title}}>{{/rows}}{{^rows}}none{{/rows}}"
        let value = TemplateValue(view)
        #expect(made.withLock { $0 } == 0, "nothing is made before rendering")
        #expect(try TemplateParser.parse(text).render(value, partials: [:]) == "<a of t><b of t><c of t>")
        #expect(made.withLock { $0 } == 4, "each row once, and the first again for the inverted section")
        var library = MustacheLibrary()
        try library.register(text, named: "t")
        #expect(library.render(TemplateTree.of(view), withTemplate: "t") == "<a of t><b of t><c of t>")
        let empty = LazyTable(rows: LazyRows(count: 0) { _ in Row(name: "x") }, title: "t")
        #expect(try TemplateParser.parse(text).render(TemplateValue(empty), partials: [:]) == "none")
    }

    @Test("Mustache the engine does not compile is left to swift-mustache", arguments: [
        "{{uppercased(title)}}", "{{=<% %>=}}<% title %>", "{{<part}}{{/part}}", "{{$block}}x{{/block}}", "{{>*dynamic}}",
    ])
    func unsupported(_ template: String) {
        #expect(throws: TemplateParser.Failure.self) { try TemplateParser.parse(template) }
    }

    @Test("a template set with one such template renders every page with swift-mustache, the same pages")
    func fallbackBuild() throws {
        var forced = TemplateSet.defaults.files
        forced["force-swift-mustache.mustache"] = "{{=<% %>=}}"
        #expect(SiteTemplates(library: MustacheLibrary(), texts: ["x": "{{=<% %>=}}"]).compiled == nil)
        let input = try SiteFixtures.journalInput()
        let corpus = try SiteFixtures.corpusInput()
        for notes in [input.notes, corpus.notes] {
            let a = try SiteFixtures.tempFolder("engine"), b = try SiteFixtures.tempFolder("mustache")
            defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
            let options = SiteOptions(title: "Engine", generatedOn: "2026-12-01")
            _ = try SiteBuilder(options: options).build(SiteInput(notes: notes), to: a)
            _ = try SiteBuilder(options: options, templates: TemplateSet(files: forced)).build(SiteInput(notes: notes), to: b)
            var pages = try SiteFixtures.files(a), other = try SiteFixtures.files(b)
            pages[".insights-build.json"] = nil; other[".insights-build.json"] = nil
            #expect(pages.count > 10)
            #expect(pages.keys.sorted() == other.keys.sorted())
            for (path, bytes) in pages where other[path] != bytes { Issue.record("\(path) differs") }
        }
    }
}

/// Long histories on the tasks board and the failure map: the first entry, the latest ones, and a count.
@Suite("Long histories")
struct LongHistoryTests {
    @Test("a task mentioned 60 times shows its first and 49 latest mentions, and says 10 are left out")
    func taskHistory() throws {
        let mentions = (1...60).map { n in
            TaskMention(session: "s\(n)", date: String(format: "2026-01-%02d", (n % 28) + 1), line: n, text: "Mention number \(n)", kind: .open)
        }
        let task = TrackedTask(id: "T-abc123", title: "Fix the flaky export", mentions: mentions, firstSeen: "2026-01-01", lastSeen: "2026-01-28")
        let out = try SiteFixtures.tempFolder("history")
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try SiteBuilder().build(SiteInput(notes: [], tasks: [task]), to: out)
        let board = try SiteFixtures.read(out, "tasks.html")
        #expect(board.contains("History (60)"))
        #expect(board.components(separatedBy: "<li class=\"open\">").count - 1 == 50)
        #expect(board.contains("10 between them are in <code>insights task T-abc123</code>"))
        #expect(TrackingPages.shortened(Array(1...5)).omitted == 0)
        #expect(TrackingPages.shortened(Array(1...60)).shown == [1] + Array(12...60))
    }

    @Test("a failure seen in one session is one line under 'Seen in one session', its anchor kept")
    func singles() throws {
        let once = FailureCluster(id: "F-0000aa", title: "Deadlock between jobs", sessions: 1, firstSeen: "2026-01-02",
                                  lastSeen: "2026-01-02", status: .single,
                                  occurrences: [FailureOccurrence(session: "s1", date: "2026-01-02", kind: "finding", title: "Deadlock", text: "", line: 4)])
        let twice = FailureCluster(id: "F-0000bb", title: "Red CI after a push", sessions: 2, firstSeen: "2026-01-02",
                                   lastSeen: "2026-01-09", status: .recurring)
        let out = try SiteFixtures.tempFolder("singles")
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try SiteBuilder().build(SiteInput(notes: [], failures: [once, twice]), to: out)
        let map = try SiteFixtures.read(out, "failures.html")
        #expect(map.contains("<article class=\"cluster\" id=\"failure-F-0000bb\">"))
        #expect(!map.contains("<article class=\"cluster\" id=\"failure-F-0000aa\">"))
        #expect(map.contains("<h2 id=\"seen-once\">Seen in one session (1)</h2>"))
        #expect(map.contains("<li id=\"failure-F-0000aa\"><a class=\"permalink\" href=\"#failure-F-0000aa\">F-0000aa</a>"))
        #expect(map.contains("1 clusters of the same mistake"))
    }
}
