import Mustache

/// Renders a body template with its view, then wraps it in `layout.mustache`.
struct PageRenderer {
    let library: SiteTemplates
    let options: SiteOptions

    static let nav: [(href: String, label: String)] = [
        ("index.html", "Home"), ("sessions.html", "Sessions"), ("findings.html", "Findings"), ("friction.html", "Friction"),
        ("tasks.html", "Tasks"), ("failures.html", "Failures"), ("tags.html", "Tags"), ("search.html", "Search"),
    ]

    /// The page at `path` (output-relative): `template` rendered with `view`, inside the layout, into `out`.
    /// The layout is rendered around a marker and the body streamed into its place; a layout that escapes or
    /// repeats `{{{body}}}` gets the body rendered first and passed in, as before.
    func page(_ path: String, template: String, view: Any, title: String, description: String,
              section: String, scripts: [String] = [], into out: inout PageOutput) throws {
        let depth = path.split(separator: "/").count - 1
        let root = String(repeating: "../", count: depth)
        var layout = LayoutView(
            pageTitle: title, siteTitle: options.title,
            description: HTMLText.excerpt(description.isEmpty ? title : description, limit: 155),
            root: root, canonical: options.baseURL.isEmpty ? nil : options.baseURL + path,
            body: Self.bodyMarker,
            nav: Self.nav.map { NavItem(href: $0.href, label: $0.label, isCurrent: $0.href == section) },
            generatedOn: options.generatedOn, scripts: scripts)
        guard let frame = library.render(layout, template: "layout") else {
            throw SiteError.template(name: "layout.mustache", reason: "missing")
        }
        if let (before, after) = Self.split(frame) {
            out.append(before)
            guard library.render(view, template: template, into: &out) else {
                throw SiteError.template(name: template + ".mustache", reason: "missing")
            }
            out.append(after)
            return
        }
        guard let body = library.render(view, template: template) else {
            throw SiteError.template(name: template + ".mustache", reason: "missing")
        }
        layout.body = body
        guard let html = library.render(layout, template: "layout") else {
            throw SiteError.template(name: "layout.mustache", reason: "missing")
        }
        out.append(html)
    }

    /// Stands for the body in the rendered layout: HTML escaping would change it, so an escaped `{{body}}` is
    /// not mistaken for the place of the raw body.
    static let bodyMarker = "<insights-page-body/>"

    /// The layout's text before and after the one body marker in it; nil when there is none or more than one.
    static func split(_ frame: String) -> (String, String)? {
        let bytes = Array(frame.utf8), marker = Array(bodyMarker.utf8)
        var found: Int?
        var i = 0
        while i + marker.count <= bytes.count {
            if bytes[i] == marker[0] && bytes[i..<(i + marker.count)].elementsEqual(marker) {
                if found != nil { return nil }
                found = i
                i += marker.count
            } else {
                i += 1
            }
        }
        guard let at = found else { return nil }
        return (String(decoding: bytes[..<at], as: UTF8.self), String(decoding: bytes[(at + marker.count)...], as: UTF8.self))
    }
}
