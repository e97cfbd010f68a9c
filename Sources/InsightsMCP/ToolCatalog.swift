import InsightsCLI
import InsightsStore
import MCP

/// The MCP tools `insights mcp` offers: name, one-sentence description an agent can act on, input schema.
enum ToolCatalog {
    /// The read-only tools, plus `ingest` when `allowIngest`.
    static func tools(allowIngest: Bool) -> [Tool] {
        allowIngest ? readOnly + [ingest] : readOnly
    }

    static let readOnly: [Tool] = [
        Tool(name: "search",
             description: "Full-text search of past session notes (findings, friction, tasks, done work, updates, takeaways); returns ranked hits with snippet, session id, file and line.",
             inputSchema: schema([
                "query": .object(["type": "string", "description": "Words to find; supports \"exact phrase\", OR, NOT, prefix*."]),
                "kind": .object(["type": "string", "enum": .array(ItemKind.allCases.map { .string($0.rawValue) }),
                                 "description": "Only this kind of item."]),
                "limit": .object(["type": "integer", "minimum": 1, "maximum": .int(InsightsToolbox.maxSearch),
                                  "description": "At most this many hits (default 10)."]),
             ], required: ["query"]),
             annotations: readOnlyHint("Search session notes")),
        Tool(name: "brief",
             description: "Call this before starting work: recurred-after-fix warnings, open P0/P1 tasks with blockers, reopened tasks, what the last session left open, and past failures with the fix written last time.",
             inputSchema: schema([
                "since": .object(["type": "string", "description": "Only items seen on or after this day (2026-01-31) or within this age (30d, 6w, 3m)."]),
                "limit": .object(["type": "integer", "minimum": 1, "maximum": 50, "description": "Lines per section (default 10)."]),
             ]),
             annotations: readOnlyHint("Brief before a session")),
        Tool(name: "list_tasks",
             description: "List tasks tracked across sessions (default: open and blocked), most urgent first, with ids for get_task.",
             inputSchema: schema([
                "status": .object(["type": "string", "enum": ["open", "blocked", "done", "all"], "description": "Filter by status (default: open and blocked)."]),
                "priority": .object(["type": "string", "description": "Only this priority: P0, P1, P2, P3 (or High, Medium, Low)."]),
             ]),
             annotations: readOnlyHint("List tasks")),
        Tool(name: "get_task",
             description: "Get one task by id (T-xxxxxx): every mention with session and line, what closed it, what it depends on.",
             inputSchema: schema(["id": .object(["type": "string", "description": "Task id from list_tasks or brief, e.g. T-1a2b3c."])], required: ["id"]),
             annotations: readOnlyHint("Get a task")),
        Tool(name: "list_failures",
             description: "List recurring failures (the same mistake across sessions), recurred-after-fix first, with the latest fix and ids for get_failure.",
             inputSchema: schema([:]),
             annotations: readOnlyHint("List recurring failures")),
        Tool(name: "get_failure",
             description: "Get one failure cluster by id (F-xxxxxx): every occurrence with session and line, and the fixes written for it.",
             inputSchema: schema(["id": .object(["type": "string", "description": "Failure id from list_failures or brief, e.g. F-9f8e7d."])], required: ["id"]),
             annotations: readOnlyHint("Get a failure")),
        Tool(name: "get_session",
             description: "Get what one session note says, by session id: findings, friction, done and remaining work, updates and takeaways, each with its line.",
             inputSchema: schema(["id": .object(["type": "string", "description": "Session id from search results, e.g. 2025-12-17-session-insights."])], required: ["id"]),
             annotations: readOnlyHint("Get a session")),
    ]

    static let ingest = Tool(
        name: "ingest",
        description: "Add a session-insight note (Markdown text) to the journal and index it; returns the session id and what was extracted.",
        inputSchema: schema(["markdown": .object(["type": "string", "description": "The whole note as Markdown, up to 10 MiB."])], required: ["markdown"]),
        annotations: .init(title: "Ingest a note", readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false))

    private static func schema(_ properties: [String: Value], required: [String] = []) -> Value {
        var object: [String: Value] = ["type": "object", "properties": .object(properties), "additionalProperties": false]
        if !required.isEmpty { object["required"] = .array(required.map { .string($0) }) }
        return .object(object)
    }

    private static func readOnlyHint(_ title: String) -> Tool.Annotations {
        .init(title: title, readOnlyHint: true, openWorldHint: false)
    }
}
