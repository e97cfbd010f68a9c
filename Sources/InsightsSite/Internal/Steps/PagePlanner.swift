import InsightsCore
import Mustache

/// Lists every file of the site with the fingerprint of what it shows and a closure that renders it.
struct PagePlanner {
    static let searchIndexPath = "search-index.js"
    /// Sessions up to which the search index renders while a whole-journal page does: at 50,000 notes the two
    /// at once held 309 MB (a build after one new note), 25 MB more than one after the other.
    static let searchIndexBesideLargePages = 20_000

    let plan: SitePlan
    let options: SiteOptions
    let library: SiteTemplates
    let templates: TemplateSet
    let templatesDigest: String

    /// Every file's job, and the cache its session pages read their notes from.
    func jobs() -> (jobs: [PageJob], notes: NoteCache) {
        let renderer = PageRenderer(library: library, options: options)
        let index = IndexPages(plan: plan, options: options)
        let tracking = TrackingPages(plan: plan)
        let all = plan.allDigest
        var jobs: [PageJob] = []
        let title = options.title

        // The pages that list the whole journal: (file and section, template, title, description, view). The
        // findings and friction rows read the sessions back through the cursor as the page reaches them.
        let listPages: [(path: String, template: String, title: String, description: String, part: SessionPart?,
                         view: @Sendable (NoteCursor) -> Any)] = [
            ("index.html", "home", "Home", "\(title): sessions, open tasks and recurring failures.", nil, { _ in index.home() }),
            ("sessions.html", "sessions", "All sessions", "Every session of \(title), newest first.", nil, { _ in index.allSessions() }),
            ("findings.html", "findings", "Findings", "Every finding of every session, by category and severity.", .findings, { index.findings($0) }),
            ("friction.html", "friction", "Friction", "What got in the way, what was done and what should have been done.", .friction, { index.friction($0) }),
            ("tasks.html", "tasks", "Tasks", "Open and blocked tasks by priority, each with its history; done tasks one line each.", nil, { _ in tracking.board() }),
            ("failures.html", "failures", "Recurring failures", "The same mistakes and blockers across sessions, and whether fixes held.", nil, { _ in tracking.map() }),
            ("tags.html", "tags", "Tags", "Sessions by tag.", nil, { _ in index.tags() }),
        ]
        for page in listPages {
            jobs.append(PageJob(path: page.path, key: all, render: { out in
                let cursor = NoteCursor(plan: plan, only: page.part)
                try renderer.page(page.path, template: page.template, view: page.view(cursor), title: page.title,
                                  description: page.description, section: page.path, into: &out)
                try cursor.check()
            }, isLarge: true))
        }
        let staticKey = Fingerprint().adding(templatesDigest).adding(options.title).adding(options.baseURL)
            .adding(options.generatedOn ?? "").hex
        jobs.append(PageJob(path: "search.html", key: staticKey) { out in
            try renderer.page("search.html", template: "search", view: SearchView(kinds: SearchIndex.kinds), title: "Search",
                              description: "Search every session, finding, friction point and task.", section: "search.html",
                              scripts: [Self.searchIndexPath], into: &out)
        })
        // The longest job of all: up to `searchIndexBesideLargePages` sessions it renders beside the whole-journal
        // pages, not after them (a build after one new note renders little else, and ran them all on one core
        // while the other idled: 10,000 notes 4.0 → 3.3 s); above, one after the other, for memory.
        jobs.append(PageJob(path: Self.searchIndexPath, key: all, render: { out in try SearchIndex.write(plan, into: &out) },
                            isLarge: plan.summaries.count > Self.searchIndexBesideLargePages))
        for asset in ["style.css", "site.js"] {
            let text = templates.files[asset] ?? ""
            jobs.append(PageJob(path: asset, key: Fingerprint().adding(text).hex) { out in out.append(text) })
        }
        var linkDigests: [String: String] = [:]
        let sessionPages = SessionPages(plan: plan, options: options, renderer: renderer)
        for (i, s) in plan.summaries.enumerated() {
            let path = s.path
            let links = plan.linkDigest(for: s)
            linkDigests[s.id] = links
            let key = Fingerprint().adding(templatesDigest).adding(options.title).adding(options.baseURL)
                .adding(options.allowUnsafeHTML ? "unsafe" : "safe").adding(options.generatedOn ?? "")
                .adding(s.digest).adding(links).hex
            var job = PageJob(path: path, key: key) { out in try sessionPages.render(i, path: path, into: &out) }
            job.session = i
            jobs.append(job)
        }
        for tag in plan.tagPath.keys.sorted() {
            guard let path = plan.tagPath[tag] else { continue }
            var key = Fingerprint().adding(templatesDigest).adding(options.title).adding(options.baseURL).adding(options.generatedOn ?? "")
            for id in plan.tagSessions[tag] ?? [] { key.add(id); key.add(plan.summary(id)?.digest); key.add(linkDigests[id]) }
            key.add(plan.tagPath.values.sorted().joined(separator: ","))
            jobs.append(PageJob(path: path, key: key.hex) { out in
                try renderer.page(path, template: "tag", view: index.tag(tag), title: "#\(tag)",
                                  description: "Sessions tagged #\(tag).", section: "tags.html", into: &out)
            })
        }
        return (jobs, sessionPages.notes)
    }
}

/// What every session page's job reads, held once for all of them: each of 50,000 closures held its own copy of
/// the plan, options and renderer. A job names its session by position in the plan, and reads it back through
/// the cache (a copy of the session in each closure was 40 MB).
final class SessionPages: Sendable {
    let plan: SitePlan
    let options: SiteOptions
    let renderer: PageRenderer
    let notes: NoteCache

    init(plan: SitePlan, options: SiteOptions, renderer: PageRenderer) {
        self.plan = plan; self.options = options; self.renderer = renderer
        notes = NoteCache(plan: plan)
    }

    /// The page of the plan's session `i`, at `path`.
    func render(_ i: Int, path: String, into out: inout PageOutput) throws {
        let note = try notes.note(i), s = note.session
        let description = [s.date, s.fields.keys.sorted().first.flatMap { s.fields[$0] }.map(HTMLText.plain) ?? "",
                           "\(s.findings.count) findings, \(s.remaining.count) remaining"].filter { !$0.isEmpty }
            .joined(separator: " · ")
        try renderer.page(path, template: "session", view: SessionPage(plan: plan, options: options).view(note),
                          title: s.title, description: description, section: "sessions.html", into: &out)
    }
}
