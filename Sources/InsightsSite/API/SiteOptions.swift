/// How a site is built: its title, its public base URL, and whether raw HTML in notes is let through.
///
/// `SiteOptions(title: "Team insights", baseURL: "/kb/")` → pages titled "… · Team insights" with
/// canonical links under `/kb/`; links between pages stay relative so the site also works from `file://`.
public struct SiteOptions: Sendable, Hashable {
    public var title: String
    /// Prefix of canonical URLs (`/kb/`, `https://example.org/kb/`), or empty for none.
    public var baseURL: String
    /// Lets raw HTML and `javascript:` links in notes through (off by default: notes are untrusted).
    public var allowUnsafeHTML: Bool
    /// A date printed in the footer; nil keeps the build free of timestamps (byte-identical rebuilds).
    public var generatedOn: String?
    /// Sessions listed on the home page's timeline (all of them are on `sessions.html`).
    public var homeSessions: Int

    public init(title: String = "Insights", baseURL: String = "", allowUnsafeHTML: Bool = false,
                generatedOn: String? = nil, homeSessions: Int = 30) {
        self.title = title; self.baseURL = baseURL; self.allowUnsafeHTML = allowUnsafeHTML
        self.generatedOn = generatedOn; self.homeSessions = homeSessions
    }
}
