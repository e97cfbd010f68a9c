import Mustache

/// The state a build's steps share, passed `inout` from step to step.
struct SiteContext {
    /// Taken by the plan (`BuildSteps.planSessions`), which orders it: empty after that.
    var input: SiteInput
    let options: SiteOptions
    let templates: TemplateSet
    /// The output folder, without a trailing slash.
    let output: String

    var templatesDigest = ""
    var library = SiteTemplates(library: MustacheLibrary(), texts: [:])
    var plan = SitePlan()
    var previous = Manifest()
    var next = Manifest()
    /// Every file of the site, with its key and how to produce it.
    var jobs: [PageJob] = []
    /// Where the session pages read their notes (told which pages render).
    var notes: NoteCache?
    /// Whether the next site's folder (`StagedOutput.staging`) has been started.
    var isStaging = false
    var report = BuildReport()
}

/// One output file: its path, the fingerprint of what it shows, and how to render it into its file.
struct PageJob: Sendable {
    var path: String
    var key: String
    var render: @Sendable (inout PageOutput) throws -> Void
    /// A page listing the whole journal (tens of MB at 10,000 notes): at most one renders at a time.
    var isLarge = false
    /// The plan position of the session a session page shows.
    var session: Int?
}

/// A named step of the build; its name is stamped on any error it throws.
struct SiteStep {
    var name: String
    var body: @Sendable (inout SiteContext) throws -> Void

    func run(_ context: inout SiteContext) throws {
        do {
            try body(&context)
        } catch let error as SiteError {
            throw SiteError.step(name: name, underlying: error)
        } catch {
            throw SiteError.step(name: name, underlying: .io(path: context.output, reason: "\(error)"))
        }
    }
}
