import InsightsCLI
import Foundation
import InsightsCore
import InsightsStore
import MCP

/// Answers MCP tool calls with the same store queries the CLI uses, as compact JSON text.
///
/// A bad call (unknown tool, missing or malformed argument, unknown id) throws `MCPError.invalidParams`, which
/// the SDK sends as a JSON-RPC error; a journal problem (no index yet) comes back as a tool result with
/// `isError: true` and the fix.
struct InsightsToolbox: Sendable {
    let journal: Journal
    let isIngestAllowed: Bool
    let cache: IndexCache

    static let maxSearch = 50
    static let maxList = 50
    static let maxDetail = 30

    init(journal: Journal, isIngestAllowed: Bool = false) {
        self.journal = journal
        self.isIngestAllowed = isIngestAllowed
        self.cache = IndexCache(journal: journal)
    }

    var tools: [Tool] { ToolCatalog.tools(allowIngest: isIngestAllowed) }

    /// The result of one `tools/call`.
    func call(_ params: CallTool.Parameters) async throws -> CallTool.Result {
        let args = ToolArguments(tool: params.name, params.arguments)
        do {
            let value: any Encodable
            switch params.name {
            case "search": value = try search(args)
            case "brief": value = try brief(args)
            case "list_tasks": value = try listTasks(args)
            case "get_task": value = try getTask(args)
            case "list_failures": value = try listFailures(args)
            case "get_failure": value = try getFailure(args)
            case "get_session": value = try getSession(args)
            case "ingest" where isIngestAllowed: value = try ingest(args)
            case "ingest":
                throw MCPError.invalidParams("ingest is disabled: the server is read-only; start it with `insights mcp --allow-ingest`")
            default:
                throw MCPError.invalidParams("unknown tool '\(params.name)'; tools: \(tools.map(\.name).joined(separator: ", "))")
            }
            return CallTool.Result(content: [.text(text: try Self.json(value), annotations: nil, _meta: nil)], isError: false)
        } catch let error as MCPError {
            throw error
        } catch let error as StoreError {
            return Self.failure(error.description)
        } catch let error as CLIError {
            return Self.failure(error.description)
        }
    }

    static func failure(_ message: String) -> CallTool.Result {
        CallTool.Result(content: [.text(text: message, annotations: nil, _meta: nil)], isError: true)
    }

    static func json(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    // MARK: Tools

    struct SearchResult: Encodable {
        var query, understood: String
        var total: Int
        var truncated: Bool
        var note: String?
        var results: [ToolJSON.Hit]
        var suggestions: [String]
    }

    func search(_ args: ToolArguments) throws -> SearchResult {
        try args.allow(["query", "kind", "limit"])
        let text = try args.string("query")
        let limit = try args.int("limit", default: 10, in: 1...Self.maxSearch)
        var kinds: [ItemKind] = []
        if let kind = try args.optionalString("kind") {
            guard let k = ItemKind(rawValue: kind.lowercased()) else {
                throw MCPError.invalidParams("search: kind '\(kind)' is not one of \(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            kinds = [k]
        }
        let query: SearchQuery
        do { query = try SearchQuery(text, kinds: kinds, limit: limit) } catch {
            throw MCPError.invalidParams("search: \(error.description)")
        }
        let r = try cache.current().search(query)
        let truncated = r.total > r.hits.count
        return SearchResult(query: text, understood: r.understood, total: r.total, truncated: truncated,
                            note: truncated ? "showing \(r.hits.count) of \(r.total); raise limit (max \(Self.maxSearch)) or narrow the query" : nil,
                            results: r.hits.map(ToolJSON.Hit.init), suggestions: r.suggestions)
    }

    func brief(_ args: ToolArguments) throws -> Brief {
        try args.allow(["since", "limit"])
        let today = Ingester.todayString()
        var since: String?
        if let text = try args.optionalString("since") {
            guard let day = SinceDate.resolve(text, today: today) else {
                throw MCPError.invalidParams("brief: since '\(text)' is neither a day (2026-01-31) nor an age (30d, 6w, 3m)")
            }
            since = day
        }
        let limit = try args.int("limit", default: 10, in: 1...50)
        return ToolJSON.compact(try BriefQuery.brief(try cache.current(), today: today, since: since, limit: limit))
    }

    func listTasks(_ args: ToolArguments) throws -> ToolJSON.Page<ToolJSON.TaskSummary> {
        try args.allow(["status", "priority"])
        var tasks = try cache.current().tasks()
        switch try args.optionalString("status")?.lowercased() {
        case nil: tasks = tasks.filter { $0.status != .done }
        case "all": break
        case let word?:
            guard let status = TrackedTask.Status(rawValue: word) else {
                throw MCPError.invalidParams("list_tasks: status '\(word)' is not one of open, blocked, done, all")
            }
            tasks = tasks.filter { $0.status == status }
        }
        if let word = try args.optionalString("priority") {
            guard let rank = Priority.rank(word, try journal.config().effectiveVocabulary) else {
                throw MCPError.invalidParams("list_tasks: priority '\(word)' is not a priority; use P0, P1, P2, P3 or High, Medium, Low")
            }
            tasks = tasks.filter { $0.priorityRank == rank }
        }
        tasks.sort { ($0.priorityRank ?? 9, $0.firstSeen, $0.id) < ($1.priorityRank ?? 9, $1.firstSeen, $1.id) }
        return ToolJSON.Page(tasks.map(ToolJSON.TaskSummary.init), cap: Self.maxList, hint: "filter with status or priority")
    }

    func getTask(_ args: ToolArguments) throws -> TrackedTask {
        try args.allow(["id"])
        let id = try args.string("id")
        guard var task = try cache.current().task(id: id) else {
            throw MCPError.invalidParams("get_task: no task with id '\(id)'; list_tasks shows the ids")
        }
        task.mentions = task.mentions.suffix(Self.maxDetail).map { m in
            var m = m; m.text = ToolJSON.clip(m.text); return m
        }
        return task
    }

    func listFailures(_ args: ToolArguments) throws -> ToolJSON.Page<ToolJSON.FailureSummary> {
        try args.allow([])
        let order: [FailureCluster.Status: Int] = [.recurredAfterFix: 0, .recurring: 1, .fixed: 2, .single: 3]
        let clusters = try cache.current().failures().enumerated()
            .sorted { (order[$0.element.status] ?? 9, $0.offset) < (order[$1.element.status] ?? 9, $1.offset) }
            .map(\.element)
        return ToolJSON.Page(clusters.map(ToolJSON.FailureSummary.init), cap: Self.maxList, hint: "use search to find a specific failure")
    }

    func getFailure(_ args: ToolArguments) throws -> FailureCluster {
        try args.allow(["id"])
        let id = try args.string("id")
        guard var cluster = try cache.current().failure(id: id) else {
            throw MCPError.invalidParams("get_failure: no failure with id '\(id)'; list_failures shows the ids")
        }
        cluster.occurrences = cluster.occurrences.suffix(Self.maxDetail).map { o in
            var o = o; o.text = ToolJSON.clip(o.text); return o
        }
        cluster.fixes = cluster.fixes.prefix(Self.maxDetail).map { f in
            var f = f; f.text = ToolJSON.clip(f.text); return f
        }
        return cluster
    }

    func getSession(_ args: ToolArguments) throws -> ToolJSON.SessionDetail {
        try args.allow(["id"])
        let id = try args.string("id")
        guard let session = try cache.current().session(id: id) else {
            throw MCPError.invalidParams("get_session: no session with id '\(id)'; search results name session ids")
        }
        return ToolJSON.SessionDetail(session, cap: Self.maxDetail)
    }

    /// Validates and ingests the Markdown exactly as `insights ingest -` would, under the journal's lock.
    func ingest(_ args: ToolArguments) throws -> Ingester.FileResult {
        try args.allow(["markdown"])
        let text = try args.string("markdown")
        let input = NoteInput.make(path: "-", data: Data(text.utf8), isLossy: false)
        if case .failure(let rejection) = input { throw MCPError.invalidParams("ingest: \(rejection.reason)") }
        let lock = try JournalLock(journal)
        defer { withExtendedLifetime(lock) {} }
        let ingester = Ingester(journal: journal, vocabulary: try journal.config().effectiveVocabulary)
        let report = try ingester.ingest([input], isDryRun: false)
        guard let result = report.files.first else { throw CLIError.failure("ingest: nothing was ingested") }
        if result.status == .failed { throw MCPError.invalidParams("ingest: \(result.reason ?? "the note was refused")") }
        return result
    }
}
