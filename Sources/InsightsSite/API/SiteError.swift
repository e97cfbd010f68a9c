/// What can go wrong building a site, with the step, the path and what to do.
public enum SiteError: Error, CustomStringConvertible, Sendable {
    /// A template does not parse.
    case template(name: String, reason: String)
    /// A file could not be read or written.
    case io(path: String, reason: String)
    /// A computed path would leave the output folder (`..`, absolute) or the output folder is unsafe.
    case unsafePath(String)
    /// A session the build planned is no longer where it reads sessions from (the index changed meanwhile).
    case sessionGone(String)
    /// An error raised inside a named build step.
    indirect case step(name: String, underlying: SiteError)

    public var description: String {
        switch self {
        case .template(let name, let reason):
            return "template \(name): \(reason); fix it or delete the override in JOURNAL/templates/"
        case .io(let path, let reason): return "\(path): \(reason)"
        case .unsafePath(let path): return "refusing to write \(path): it is outside the output folder"
        case .sessionGone(let id):
            return "session \(id) went from the index while the site was built (an ingest ran meanwhile?); build again"
        case .step(let name, let underlying): return "\(name): \(underlying.description)"
        }
    }
}
