import Mustache

/// Renders a body template with its view, then wraps it in `layout.mustache`.
struct PageRenderer {
    let library: SiteTemplates
    let options: SiteOptions

    static let nav: [(href: String, label: String)] = [
        ("index.html", "Home"), ("sessions.html", "Sessions"), ("findings.html", "Findings"), ("friction.html", "Friction"),
        ("tasks.html", "Tasks"), ("failures.html", "Failures"), ("tags.html", "Tags"), ("search.html", "Search"),
    ]

    /// The page at `path` (output-relative): `template` rendered with `view`, inside the layout.
    func page(_ path: String, template: String, view: Any, title: String, description: String,
              section: String, scripts: [String] = []) throws -> String {
        guard let body = library.render(view, template: template) else {
            throw SiteError.template(name: template + ".mustache", reason: "missing")
        }
        let depth = path.split(separator: "/").count - 1
        let root = String(repeating: "../", count: depth)
        let layout = LayoutView(
            pageTitle: title, siteTitle: options.title,
            description: HTMLText.excerpt(description.isEmpty ? title : description, limit: 155),
            root: root, canonical: options.baseURL.isEmpty ? nil : options.baseURL + path,
            body: body,
            nav: Self.nav.map { NavItem(href: $0.href, label: $0.label, isCurrent: $0.href == section) },
            generatedOn: options.generatedOn, scripts: scripts)
        guard let html = library.render(layout, template: "layout") else {
            throw SiteError.template(name: "layout.mustache", reason: "missing")
        }
        return html
    }
}
