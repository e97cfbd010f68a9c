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
    public static let rendererVersion = "insights-site-2"

    /// The build, top to bottom.
    static let steps: [SiteStep] = [
        BuildSteps.prepareOutput,
        BuildSteps.compileTemplates,
        BuildSteps.planSessions,
        BuildSteps.readManifest,
        BuildSteps.planPages,
        BuildSteps.renderChangedPages,
        BuildSteps.writePages,
        BuildSteps.removeStalePages,
        BuildSteps.writeManifest,
    ]

    /// Builds the site for `input` into `output`; only files whose inputs changed are rewritten.
    public func build(_ input: SiteInput, to output: String) throws -> BuildReport {
        let folder = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
        var context = SiteContext(input: input, options: options, templates: templates, output: folder)
        for step in Self.steps {
            try step.run(&context)
            context.report.steps.append(step.name)
        }
        return context.report
    }
}
