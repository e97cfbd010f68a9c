/// What a build did: pages written, unchanged and removed, and the sizes of the search index and site text.
///
/// A no-change rebuild → `BuildReport(written: [], unchanged: [...all pages...], removed: [], ...)`.
public struct BuildReport: Sendable, Codable, Hashable {
    /// Output-relative paths of files written by this build, sorted.
    public var written: [String]
    /// Output-relative paths left as they were, sorted.
    public var unchanged: [String]
    /// Output-relative paths of stale files removed, sorted.
    public var removed: [String]
    /// Bytes of `search-index.js`.
    public var searchIndexBytes: Int
    /// Bytes of all HTML pages of the site.
    public var siteTextBytes: Int
    /// Names of the steps that ran, in order.
    public var steps: [String]

    public init(written: [String] = [], unchanged: [String] = [], removed: [String] = [],
                searchIndexBytes: Int = 0, siteTextBytes: Int = 0, steps: [String] = []) {
        self.written = written; self.unchanged = unchanged; self.removed = removed
        self.searchIndexBytes = searchIndexBytes; self.siteTextBytes = siteTextBytes; self.steps = steps
    }

    enum CodingKeys: String, CodingKey {
        case written, unchanged, removed, searchIndexBytes = "search_index_bytes", siteTextBytes = "site_text_bytes", steps
    }
}
