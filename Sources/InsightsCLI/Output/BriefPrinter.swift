import InsightsCore

/// The human-readable brief.
struct BriefPrinter {
    let console: Console

    func print(_ b: Brief) {
        if b.isEmpty {
            console.out("nothing to brief: no open tasks or failures\(b.since.map { " since \($0)" } ?? "")")
            return
        }
        section("Recurred after fix", b.warnings.count, b.totals.warnings, color: .red) {
            for f in b.warnings { failure(f) }
        }
        section("Open P0/P1 tasks", b.openTasks.count, b.totals.openTasks, color: .yellow) {
            for t in b.openTasks { task(t) }
        }
        section("Reopened", b.reopened.count, b.totals.reopened, color: .yellow) {
            for t in b.reopened { task(t) }
        }
        section("Left open on \(b.leftOpen.first?.lastSeen ?? "")", b.leftOpen.count, b.totals.leftOpen, color: .yellow) {
            for t in b.leftOpen { task(t) }
        }
        section("Watch out for", b.watchOutFor.count, b.totals.watchOutFor, color: .cyan) {
            for f in b.watchOutFor { failure(f) }
        }
    }

    private func section(_ title: String, _ shown: Int, _ total: Int, color: Console.Style, _ body: () -> Void) {
        guard shown > 0 else { return }
        let count = shown < total ? "\(shown) of \(total), see more with --limit" : "\(total)"
        console.out(console.style("\(title) (\(count))", color))
        body()
        console.out("")
    }

    private func task(_ t: Brief.TaskLine) {
        let flags = [t.status == .blocked ? "blocked" : nil, t.isReopened ? "reopened" : nil].compactMap { $0 }
        console.out("  \(console.style(t.id, .bold))  \(t.priority ?? "--")  \(t.title)"
                    + (flags.isEmpty ? "" : "  " + console.style("[" + flags.joined(separator: ", ") + "]", .dim)))
        for blocker in t.blockedBy { console.out("           blocked by \(blocker.id) \(blocker.title)") }
        console.out("           " + console.style("\(t.session):\(t.line) · last seen \(t.lastSeen)", .dim))
    }

    private func failure(_ f: Brief.FailureLine) {
        console.out("  \(console.style(f.id, .bold))  \(f.title)  " + console.style("[\(NoteTemplate.label(f))]", .dim))
        if let fix = f.fix {
            console.out("           fix written \(fix.date): \(NoteTemplate.clip(NoteTemplate.oneLine(fix.text)))")
        } else if let lesson = f.lesson {
            console.out("           lesson written \(lesson.date): \(NoteTemplate.clip(NoteTemplate.oneLine(lesson.text)))")
        } else {
            console.out("           no fix written yet")
        }
        console.out("           " + console.style("\(f.session):\(f.line) · last seen \(f.lastSeen)", .dim))
    }
}
