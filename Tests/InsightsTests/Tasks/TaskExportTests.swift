import Foundation
import Testing
import InsightsCore

/// Every export format, checked against its grammar or its real consumer.
@Suite("Task exports")
struct TaskExportTests {
    let tasks: [TrackedTask]

    init() throws { tasks = TaskTracker().tasks(from: try TaskFixtures.journal()) }

    /// Tasks whose titles hold every CSV/Markdown/todo.txt trap.
    static let tricky: [TrackedTask] = [
        TrackedTask(id: "T-aaaaaa", title: "Say \"hi\", then\nwrap lines", priority: "P0", priorityRank: 0, status: .open,
                    mentions: [TaskMention(session: "2026-01-02-a", date: "2026-01-02", line: 3, text: "Say \"hi\", then\nwrap lines", kind: .open)],
                    firstSeen: "2026-01-02", lastSeen: "2026-01-02", tags: ["my project"]),
        TrackedTask(id: "T-bbbbbb", title: "x (A) +fake @ctx, with commas", priority: nil, status: .done,
                    mentions: [TaskMention(session: "2026-01-02-a", date: "2026-01-02", line: 4, text: "x", kind: .open),
                               TaskMention(session: "2026-01-05-b", date: "2026-01-05", line: 9, text: "done", kind: .done)],
                    firstSeen: "2026-01-02", lastSeen: "2026-01-05", resolvedIn: "2026-01-05-b", resolvedOn: "2026-01-05"),
    ]

    /// A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records, newlines inside quotes.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var inQuotes = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" { if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { inQuotes = false } }
                else { field.unicodeScalars.append(c) }
            } else if c == "\"" { inQuotes = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r" && chars.first == "\n" { chars.removeFirst(); row.append(field); rows.append(row); row = []; field = "" }
            else { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    @Test("csv: header plus one row per task, and quotes, commas and newlines survive a round trip")
    func csv() throws {
        let text = try TaskExportFormat.csv.render(Self.tricky + tasks)
        let rows = Self.parseCSV(text)
        #expect(rows.first == TaskCSV.header)
        #expect(rows.count == 1 + Self.tricky.count + tasks.count)
        #expect(rows.dropFirst().allSatisfy { $0.count == TaskCSV.header.count })
        #expect(rows[1][1] == "Say \"hi\", then\nwrap lines")
        #expect(rows[2][1] == "x (A) +fake @ctx, with commas")
        #expect(rows[2][3] == "done")
        #expect(text.hasSuffix("\r\n"))
    }

    @Test("todo.txt: every line follows the grammar; done lines carry completion then creation dates")
    func todoTxt() throws {
        let lines = try TaskExportFormat.todotxt.render(Self.tricky + tasks).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == Self.tricky.count + tasks.count)
        let open = /\([A-Z]\) \d{4}-\d{2}-\d{2} [^\n]+ @insights( @blocked)? id:T-[0-9a-f]{6}( dep:[T0-9a-f,-]+)?/
        let openNoPriority = /\d{4}-\d{2}-\d{2} [^\n]+ @insights( @blocked)? id:T-[0-9a-f]{6}( dep:[T0-9a-f,-]+)?/
        let done = /x \d{4}-\d{2}-\d{2} \d{4}-\d{2}-\d{2} [^\n]+ @insights id:T-[0-9a-f]{6}( pri:[A-Z])?( dep:[T0-9a-f,-]+)?/
        for line in lines {
            let s = String(line)
            #expect(s.wholeMatch(of: open) != nil || s.wholeMatch(of: openNoPriority) != nil || s.wholeMatch(of: done) != nil, "\(s)")
        }
        #expect(lines[0] == "(A) 2026-01-02 Say \"hi\", then wrap lines +my-project @insights id:T-aaaaaa")
        // A title that starts like a completion mark or priority is defused; +/@ inside a title are not tags.
        #expect(lines[1] == "x 2026-01-05 2026-01-02 - x (A) fake ctx, with commas @insights id:T-bbbbbb")
        let headers = try #require(tasks.first { $0.mentions.contains { $0.text == "Add security headers" } })
        #expect(lines.contains { $0.hasPrefix("x 2026-10-01 2026-09-03 Security headers on the dashboard") && $0.hasSuffix("id:\(headers.id) pri:C") })
    }

    @Test("markdown: a checklist grouped by priority with links back to the sessions")
    func markdown() throws {
        let md = try TaskExportFormat.markdown.render(tasks, .init(links: ["2026-10-01-security-headers-rollout": "journal/2026-10-01-security-headers-rollout.md"]))
        #expect(md.hasPrefix("# Tasks\n\n## P0\n"))
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(headings == ["## P0", "## P1", "## P2", "## P3", "## No priority"])
        #expect(md.contains("- [x] Security headers on the dashboard ("))
        #expect(md.contains("[2026-10-01-security-headers-rollout](journal/2026-10-01-security-headers-rollout.md#L39)"))
        #expect(md.contains("- [ ] Remove the 60 s dashboard cache hack (`") && md.contains("**blocked** by"))
        #expect(md.split(separator: "\n").filter { $0.hasPrefix("- [") }.count == tasks.count)
    }

    @Test("github: title, body with history and evidence, labels")
    func github() throws {
        let data = Data(try TaskExportFormat.github.render(tasks).utf8)
        let issues = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(issues.count == tasks.count)
        #expect(issues.allSatisfy { Set($0.keys) == ["title", "body", "labels"] })
        let headers = try #require(issues.first { ($0["title"] as? String) == "Security headers on the dashboard" })
        #expect(headers["labels"] as? [String] == ["insights", "P2", "done"])
        let body = try #require(headers["body"] as? String)
        #expect(body.contains("Resolved 2026-10-01: Add security headers to the dashboard"))
        #expect(body.contains("- 2026-09-10 open in 2026-09-10-schema-drift-and-the-ci-drift-check line 46: Add CSP / HSTS security headers to the dashboard"))
    }

    @Test("archon: task payloads with status, order and project")
    func archon() throws {
        let data = Data(try TaskExportFormat.archon.render(tasks, .init(archonProject: "proj-1")).utf8)
        let records = try JSONDecoder().decode([ArchonTasks.Record].self, from: data)
        #expect(records.count == tasks.count)
        #expect(records.allSatisfy { $0.project_id == "proj-1" && ["todo", "doing", "review", "done"].contains($0.status) })
        #expect(records.first?.task_order == 100)
        #expect(records.filter { $0.status == "done" }.count == tasks.filter { $0.status == .done }.count)
        let keys = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]]).first.map { Set($0.keys) }
        #expect(keys == ["project_id", "title", "description", "status", "feature", "task_order", "assignee"])
    }

    @Test("uuids are stable per task and look like RFC 4122 version 5")
    func uuids() {
        let u = TaskID.uuid("T-1a2b3c")
        #expect(u == TaskID.uuid("T-1a2b3c"))
        #expect(u != TaskID.uuid("T-1a2b3d"))
        #expect(u.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
        #expect(UUID(uuidString: u) != nil)
    }

    static let taskBinary = ["/usr/bin/task", "/usr/local/bin/task", "/opt/homebrew/bin/task"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs Taskwarrior with a throwaway data folder and rc file.
    static func runTask(_ args: [String], home: URL, stdin: Data? = nil) throws -> (status: Int32, out: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(taskBinary))
        p.arguments = ["rc.confirmation=off", "rc.hooks=off", "rc.verbose=nothing", "rc.json.array=on"] + args
        p.environment = ["TASKDATA": home.appendingPathComponent("data").path, "TASKRC": home.appendingPathComponent("taskrc").path,
                         "HOME": home.path, "PATH": "/usr/bin:/bin"]
        let out = Pipe(), input = Pipe()
        p.standardOutput = out; p.standardError = out; p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("taskwarrior: the real `task import` accepts it, and a second import updates instead of duplicating")
    func taskwarrior() throws {
        guard Self.taskBinary != nil else {
            FileHandle.standardError.write(Data("⚠️  `task` (Taskwarrior) is MISSING: the taskwarrior import test is SKIPPED. apt-get install taskwarrior\n".utf8))
            return
        }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("insights-tw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data().write(to: home.appendingPathComponent("taskrc"))
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent("export.json")
        try Data(try TaskExportFormat.taskwarrior.render(Self.tricky + tasks).utf8).write(to: file)

        for _ in 0..<2 {
            let r = try Self.runTask(["import", file.path], home: home)
            #expect(r.status == 0, "\(r.out)")
        }
        let all = try Self.runTask(["export"], home: home)
        #expect(all.status == 0)
        let exported = try #require(try JSONSerialization.jsonObject(with: Data(all.out.utf8)) as? [[String: Any]])
        #expect(exported.count == Self.tricky.count + tasks.count)
        #expect(Set(exported.compactMap { $0["uuid"] as? String }) == Set((Self.tricky + tasks).map { TaskID.uuid($0.id) }))
        let completed = exported.filter { ($0["status"] as? String) == "completed" }
        #expect(completed.count == 1 + tasks.filter { $0.status == .done }.count)
        let headers = try #require(exported.first { ($0["description"] as? String)?.hasPrefix("Security headers on the dashboard") == true })
        #expect(headers["end"] as? String == "20261001T000000Z")
        #expect(headers["entry"] as? String == "20260903T000000Z")
        #expect(headers["priority"] as? String == "M")
        #expect((headers["annotations"] as? [[String: Any]])?.count == 4)
    }
}

@Suite("Task JSON shape")
struct TaskJSONShapeTests {
    @Test("--json keys are always present: id, title, priority, status, mentions, first_seen, last_seen, resolved_in, depends_on")
    func keys() throws {
        let tasks = TaskTracker().tasks(from: try TaskFixtures.journal())
        let data = Data(try TaskExportFormat.json.render(tasks).utf8)
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let required: Set<String> = ["id", "title", "priority", "status", "mentions", "first_seen", "last_seen", "resolved_in", "depends_on"]
        #expect(array.allSatisfy { required.isSubset(of: Set($0.keys)) })
        #expect(array.allSatisfy { ["open", "done", "blocked"].contains($0["status"] as? String) })
        let mention = try #require((array.first?["mentions"] as? [[String: Any]])?.first)
        #expect(Set(["session", "date", "line", "text"]).isSubset(of: Set(mention.keys)))
        #expect(try JSONDecoder().decode([TrackedTask].self, from: data) == tasks)
    }
}
