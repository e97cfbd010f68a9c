/// Builds the static site: every page from the input, written under one output folder, incrementally.
///
/// `try SiteBuilder(options: SiteOptions(title: "Team insights")).build(input, to: "site")`
/// → `BuildReport(written: ["index.html", "sessions/…html", …], unchanged: [], removed: [], …)`; run again
/// with the same input → everything `unchanged`, nothing written.
public struct SiteBuilder: Sendable {
    public var options: SiteOptions
    public var templates: TemplateSet

    public init(options: SiteOptions = SiteOptions(), templates: TemplateSet = .defaults) {
        var o = options
        if !o.baseURL.isEmpty && !o.baseURL.hasSuffix("/") { o.baseURL += "/" }
        self.options = o
        self.templates = templates
    }

    /// Bumped whenever the HTML or the search index format changes, so incremental builds redo every page.
    public static let rendererVersion = "insights-site-4"

    /// The build, top to bottom.
    static let steps: [SiteStep] = [
        BuildSteps.prepareOutput,
        BuildSteps.compileTemplates,
        BuildSteps.planSessions,
        BuildSteps.readManifest,
        BuildSteps.planPages,
        BuildSteps.renderChangedPages,
        BuildSteps.writeSite,
        BuildSteps.summarize,
    ]

    /// Builds the site for `input` into `output`; only files whose inputs changed are rewritten. `source`
    /// describes the input for `isUpToDate` (see there); nil leaves the next build no shortcut.
    /// The input is consumed: the build orders it in place and lets each part go when it is done with it.
    public func build(_ input: consuming SiteInput, to output: String, source: String? = nil) throws -> BuildReport {
        let folder = Self.folder(output)
        var context = SiteContext(input: consume input, options: options, templates: templates, output: folder)
        context.next.source = source.map(buildKey)
        for step in Self.steps {
            try step.run(&context)
            context.report.steps.append(step.name)
        }
        return context.report
    }

    /// The report of a build that would write nothing, when `output` holds the complete site of a build whose
    /// input had this `source` (a digest the caller makes of what the input is read from: at the CLI, the
    /// index's generation and the notes' sizes and times) with these options and templates, and every file of
    /// that build is still there; nil otherwise. The caller need not even load the input: at 2,000 sessions
    /// loading it was most of a no-change rebuild.
    public func upToDate(source: String, in output: String) -> BuildReport? {
        let folder = Self.folder(output)
        let manifest = Manifest.read(in: folder)
        guard manifest.source == buildKey(source), !manifest.files.isEmpty else { return nil }
        let out = OutputFolder(path: folder)
        var report = BuildReport()
        report.unchanged = manifest.files.keys.sorted()
        guard report.unchanged.allSatisfy(out.exists) else { return nil }
        report.searchIndexBytes = manifest.files[PagePlanner.searchIndexPath]?.bytes ?? 0
        report.siteTextBytes = manifest.files.filter { $0.key.hasSuffix(".html") }.reduce(0) { $0 + $1.value.bytes }
        report.steps = ["Compare the input with the previous build's manifest"]
        return report
    }

    /// The whole build's key: the caller's `source`, the renderer version, the options and every template.
    func buildKey(_ source: String) -> String {
        var f = Fingerprint()
        f.add(Self.rendererVersion); f.add(source)
        f.add(options.title); f.add(options.baseURL); f.add(options.allowUnsafeHTML); f.add(options.generatedOn)
        f.add(options.homeSessions)
        for name in templates.files.keys.sorted() { f.add(name); f.add(templates.files[name] ?? "") }
        return f.hex
    }

    static func folder(_ output: String) -> String {
        output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
    }
}
