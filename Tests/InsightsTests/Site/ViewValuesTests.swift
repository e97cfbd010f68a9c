import Foundation
import Testing
import InsightsCore
@testable import InsightsSite

/// The site's views give their template values by hand (`TemplateConvertible`); those values must be what their
/// `Encodable` conformance gives through `TemplateEncoder`, field for field, for every view a real site makes.
@Suite("Site views' template values", .enabled(if: Corpus.isPresent, "needs ../shared/corpus"))
struct ViewValuesTests {
    /// A value written out whole, lists' elements converted: equal dumps, equal values.
    static func dump(_ value: TemplateValue) -> String {
        switch value {
        case .string(let s): return "s" + s.debugDescription
        case .int(let i): return "i\(i)"
        case .bool(let b): return "b\(b)"
        case .double(let d): return "d\(d)"
        case .other(let o): return "o" + o.debugDescription
        case .list(let items): return "[" + items.map(dump).joined(separator: ",") + "]"
        case .rows(let rows): return "[" + rows.all.map(dump).joined(separator: ",") + "]"
        case .object(let fields): return "{" + fields.pairs.map { $0.key + ":" + dump($0.value) }.joined(separator: ",") + "}"
        }
    }

    func expectSame(_ view: some TemplateConvertible, _ label: String) {
        let encoded = TemplateEncoder.value(of: view)
        #expect(encoded != nil, "\(label): not encodable")
        if let encoded { #expect(Self.dump(view.templateValue) == Self.dump(encoded), "\(label)") }
    }

    @Test("every page's view of the corpus and shipped journal, with tasks and failures, equals its Encodable value")
    func sameAsEncodable() throws {
        var input = try SiteFixtures.corpusInput()
        input.notes += try SiteFixtures.journalInput().notes
        let tracking = try SiteTrackingTests.input()
        input.tasks = tracking.tasks
        input.failures = tracking.failures
        let options = SiteOptions(title: "Team insights", baseURL: "/kb/")
        let plan = try SitePlan(taking: &input, options: options, templatesDigest: "")
        var sessions = 0
        try plan.forEachNote { _, note in
            expectSame(SessionPage(plan: plan, options: options).view(note), note.session.id)
            sessions += 1
        }
        #expect(sessions == 19)
        let index = IndexPages(plan: plan, options: options)
        expectSame(index.home(), "home")
        expectSame(index.allSessions(), "sessions")
        expectSame(index.tags(), "tags")
        for tag in plan.tagPath.keys.sorted().prefix(5) { expectSame(index.tag(tag), "tag \(tag)") }
        expectSame(index.findings(NoteCursor(plan: plan, only: .findings)), "findings")
        expectSame(index.friction(NoteCursor(plan: plan, only: .friction)), "friction")
        expectSame(TrackingPages(plan: plan).board(), "tasks")
        expectSame(TrackingPages(plan: plan).map(), "failures")
        expectSame(SearchView(kinds: SearchIndex.kinds), "search")
        expectSame(LayoutView(pageTitle: "T", siteTitle: "S", description: "D", root: "../", canonical: "/kb/x.html", body: "B",
                              nav: [NavItem(href: "index.html", label: "Home", isCurrent: true)], generatedOn: "2026-12-07",
                              scripts: ["search-index.js"]), "layout")
        expectSame(LayoutView(pageTitle: "T", siteTitle: "S", description: "D", root: "", canonical: nil, body: "B", nav: [],
                              generatedOn: nil, scripts: []), "layout without optionals")
    }
}
