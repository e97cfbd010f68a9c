/// Views of the pages that list everything: home, findings, friction, tags.
struct HomeView: Encodable {
    struct TaskRow: Encodable { var href: String; var title: String; var priority: String; var rank: Int; var status: String; var lastSeen: String }
    struct FailureRow: Encodable { var href: String; var title: String; var sessions: Int; var statusLabel: String; var isRecurredAfterFix: Bool }
    var root: String
    var siteTitle: String
    var sessionCount: Int
    var findingCount: Int
    var openTaskCount: Int
    var recurringCount: Int
    var chart: String
    var urgent: [TaskRow]
    var hasUrgent: Bool
    var failures: [FailureRow]
    var hasFailures: Bool
    var sessions: [SessionRowView]
    var hasMore: Bool
}

struct FindingsView: Encodable {
    struct Row: Encodable {
        var href: String; var title: String; var category: String; var severity: String?; var severityRank: Int
        var severityGroup: String; var date: String; var sessionTitle: String; var summary: String?

        /// A row whose session could not be read back (the page then fails: see `NoteCursor`).
        static let empty = Row(href: "", title: "", category: "", severity: nil, severityRank: 9, severityGroup: "", date: "",
                               sessionTitle: "", summary: nil)
    }
    var count: Int
    var sessionCount: Int
    var categories: [String]
    var severities: [String]
    var findings: LazyRows<Row>
}

struct FrictionView: Encodable {
    struct Row: Encodable {
        var href: String; var problem: String; var response: String; var correction: String; var date: String

        /// A row whose session could not be read back (see `FindingsView.Row.empty`).
        static let empty = Row(href: "", problem: "", response: "", correction: "", date: "")
    }
    var count: Int
    var rows: LazyRows<Row>
    var hasRows: Bool
}

struct TagsView: Encodable {
    var tags: [TagView]
    var hasTags: Bool
}

struct SearchView: Encodable {
    var kinds: [String]
}
