/// Plain view values handed to the Mustache templates: stored strings, numbers and flags only.
struct LinkView: Encodable { var href: String; var label: String }
struct TagView: Encodable { var name: String; var href: String; var count: Int = 0 }
struct NavItem: Encodable { var href: String; var label: String; var isCurrent: Bool }

struct LayoutView: Encodable {
    var pageTitle: String
    var siteTitle: String
    var description: String
    var root: String
    var canonical: String?
    var body: String
    var nav: [NavItem]
    var generatedOn: String?
    var scripts: [String]
}

/// One session in a timeline (home, all sessions, tag pages).
struct SessionRowView: Encodable {
    var href: String
    var title: String
    var date: String
    var findings: Int
    var friction: Int
    var completed: Int
    var remaining: Int
    var tags: [TagView]
}

struct TimelineView: Encodable {
    var root: String
    var name: String = ""
    var count: Int = 0
    var sessionCount: Int
    var sessions: [SessionRowView]
}
