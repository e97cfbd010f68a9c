/// What a session page shows: header fields, extracted items with anchors and links, and the rendered note.
struct SessionView: Encodable {
    struct Field: Encodable { var label: String; var value: String }
    struct FieldHTML: Encodable { var label: String; var html: String }
    struct FindingItem: Encodable {
        var anchor: String; var number: Int; var title: String; var category: String
        var severity: String?; var severityRank: Int; var fields: [FieldHTML]; var failure: LinkView?
    }
    struct FrictionItem: Encodable {
        var anchor: String; var number: Int; var problem: String; var response: String; var correction: String
        var failure: LinkView?
    }
    struct CompletedItem: Encodable { var anchor: String; var title: String; var status: String; var note: String?; var task: LinkView? }
    struct RemainingItem: Encodable {
        var anchor: String; var number: Int?; var title: String; var detail: String?; var priority: String?
        var rank: Int; var dependsOn: String?; var task: LinkView?
    }
    struct UpdateItem: Encodable { var anchor: String; var title: String; var status: String?; var resolves: [String]; var hasResolves: Bool }
    struct TakeawayItem: Encodable { var anchor: String; var title: String; var text: String }

    var id: String
    var title: String
    var date: String
    var tags: [TagView]
    var fields: [Field]
    var findings: [FindingItem]
    var friction: [FrictionItem]
    var completed: [CompletedItem]
    var remaining: [RemainingItem]
    var updates: [UpdateItem]
    var takeaways: [TakeawayItem]
    var noteHTML: String

    // Stored, not computed: Mustache reads values through reflection, which sees stored properties only.
    var hasFindings = false, hasFriction = false, hasCompleted = false, hasRemaining = false
    var hasUpdates = false, hasTakeaways = false, hasStructure = false
    var findingsCount = 0, frictionCount = 0, completedCount = 0, remainingCount = 0, updatesCount = 0

    mutating func countItems() {
        hasFindings = !findings.isEmpty; hasFriction = !friction.isEmpty; hasCompleted = !completed.isEmpty
        hasRemaining = !remaining.isEmpty; hasUpdates = !updates.isEmpty; hasTakeaways = !takeaways.isEmpty
        hasStructure = hasFindings || hasFriction || hasCompleted || hasRemaining || hasUpdates
        findingsCount = findings.count; frictionCount = friction.count; completedCount = completed.count
        remainingCount = remaining.count; updatesCount = updates.count
    }
}
