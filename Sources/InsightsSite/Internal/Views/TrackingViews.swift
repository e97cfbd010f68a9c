/// Views of the tasks board and the recurring-failures map.
struct TaskBoardView: Encodable {
    struct Mention: Encodable { var date: String; var href: String; var sessionTitle: String; var kind: String; var priority: String?; var text: String }
    struct Card: Encodable {
        var anchor: String; var id: String; var title: String; var priority: String?; var rank: Int
        var span: String?; var isReopened: Bool; var resolvedOn: String?
        var dependsOn: [LinkView]; var hasDepends: Bool; var mentions: [Mention]; var mentionCount: Int
        /// Mentions between the first and the latest ones shown (see `TrackingPages.historyLimit`), 0 for none.
        var omitted: Int; var hasOmitted: Bool
    }
    /// A priority's cards, each made as the page reaches it.
    struct Group: Encodable { var label: String; var tasks: LazyRows<Card> }
    /// A done task in one line: what closed it and where (its history is `insights task ID`).
    struct DoneRow: Encodable {
        var anchor: String; var id: String; var title: String; var date: String?; var href: String?; var sessionTitle: String?
        /// "1 mention", "3 mentions".
        var mentions: String; var isReopened: Bool
    }
    struct Column: Encodable {
        var key: String; var label: String; var count: Int; var groups: [Group]
        /// The done column's tasks, newest first, each made as the page reaches it (the other columns have
        /// cards in `groups`).
        var done: LazyRows<DoneRow>; var hasDone: Bool
    }
    var openCount: Int
    var blockedCount: Int
    var doneCount: Int
    var columns: [Column]
}

struct FailureMapView: Encodable {
    struct Occurrence: Encodable { var date: String; var href: String; var title: String; var kind: String; var sessionTitle: String; var isAfterFix: Bool }
    struct Fix: Encodable { var date: String; var href: String; var text: String }
    struct Cluster: Encodable {
        var anchor: String; var id: String; var title: String; var sessions: Int; var firstSeen: String; var lastSeen: String
        var status: String; var statusLabel: String; var isRecurredAfterFix: Bool; var strip: String
        var terms: String; var hasTerms: Bool; var occurrences: [Occurrence]; var fixes: [Fix]; var hasFixes: Bool
        var omitted: Int; var hasOmitted: Bool
    }
    /// A failure seen in one session: one line, its anchor kept for the links to it.
    struct Single: Encodable {
        var anchor: String; var id: String; var title: String; var date: String; var href: String; var sessionTitle: String
        var statusLabel: String
    }
    var count: Int
    var recurredCount: Int
    var clusters: LazyRows<Cluster>
    var singles: LazyRows<Single>
    var singleCount: Int
    var hasSingles: Bool
}
