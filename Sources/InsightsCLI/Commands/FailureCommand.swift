import ArgumentParser
import Foundation
import InsightsCore
import InsightsStore

struct FailureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "failure",
        abstract: "Show one failure: every occurrence and the fixes written so far; pin grouping decisions.",
        discussion: """
              insights failure F-1a2b3c
              insights failure F-1a2b3c --explain          why these occurrences were grouped
              insights failure F-1a2b3c --merge F-4d5e6f   they are the same failure
              insights failure F-1a2b3c --split 3          occurrence 3 is something else
              insights failure F-1a2b3c --not-recurring    these are not the same failure
            Decisions are kept in DIR/failure-decisions.json and survive reindex.
            """)

    @OptionGroup var journal: JournalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The failure id (see `insights failures`).")
    var id: String

    @Flag(name: .long, help: "Show the score and shared words of every pair of occurrences.")
    var explain = false

    @Option(name: .long, help: ArgumentHelp("Pin: this failure and OTHER are the same.", valueName: "other"))
    var merge: String?

    @Option(name: .long, help: ArgumentHelp("Pin: occurrence N (as numbered by `insights failure ID`) is a different failure.", valueName: "n"))
    var split: Int?

    @Flag(name: .long, help: "Pin: this failure's occurrences are not the same failure.")
    var notRecurring = false

    func validate() throws {
        let pins = [merge != nil, split != nil, notRecurring].filter { $0 }.count
        if pins > 1 { throw ValidationError("use one of --merge, --split, --not-recurring at a time") }
        if pins == 1 && explain { throw ValidationError("--explain cannot be combined with a pin") }
        if let split, split < 1 { throw ValidationError("--split takes an occurrence number starting at 1") }
    }

    func run() throws {
        try runReporting {
            let console = Console()
            let journal = journal.resolved
            let index = try journal.openIndex(readOnly: true)
            guard let cluster = try index.failure(id: id) else {
                throw CLIError.failure(StoreError.notFound(what: "failure", id: id).description)
            }
            if let decision = try decision(for: cluster, index) {
                try pin(decision, journal, console)
                return
            }
            if explain {
                let grouping = FailureClusterer().grouping(try index.sessions(), decisions: try FailureDecisions(journal).load())
                guard let why = grouping.explain(id) else {
                    throw CLIError.failure("\(id) is no longer produced by the notes; run `insights reindex`")
                }
                if output.json { try console.json(why); return }
                FailurePrinter(console: console).detail(cluster)
                console.out("\n" + console.style("Why (threshold \(why.threshold), groups merge at mean \(why.linkThreshold))", .cyan))
                for p in why.pairs {
                    let mark = p.isLinked ? "linked" : "      "
                    console.out("  \(p.a + 1)–\(p.b + 1)  \(String(format: "%.3f", p.score))  \(mark)  \(p.shared.joined(separator: ", "))")
                }
                return
            }
            if output.json { try console.json(cluster); return }
            FailurePrinter(console: console).detail(cluster)
        }
    }

    /// The decision the flags ask for, or nil when none was asked.
    func decision(for cluster: FailureCluster, _ index: Index) throws -> FailureDecision? {
        let keys = cluster.occurrences.map { "\($0.session)#\($0.line)" }
        let today = Ingester.todayString()
        if let merge {
            guard let other = try index.failure(id: merge) else {
                throw CLIError.usage(StoreError.notFound(what: "failure", id: merge).description)
            }
            guard other.id != cluster.id, let mine = keys.first, let theirs = other.occurrences.first else {
                throw CLIError.usage("cannot merge \(cluster.id) with itself")
            }
            return FailureDecision(action: .merge, occurrences: [mine, "\(theirs.session)#\(theirs.line)"], date: today)
        }
        if let split {
            guard split <= keys.count else {
                throw CLIError.usage("\(cluster.id) has \(keys.count) occurrence\(keys.count == 1 ? "" : "s"); --split takes 1...\(keys.count)")
            }
            return FailureDecision(action: .split, occurrences: [keys[split - 1]], date: today)
        }
        if notRecurring { return FailureDecision(action: .notRecurring, occurrences: keys, date: today) }
        return nil
    }

    /// Records the decision and recomputes the clusters at once.
    func pin(_ decision: FailureDecision, _ journal: Journal, _ console: Console) throws {
        let lock = try JournalLock(journal) { console.err("waiting for another insights process writing to \(journal.path) ...") }
        defer { withExtendedLifetime(lock) {} }
        let index = try journal.openExistingIndex()
        let store = FailureDecisions(journal)
        try store.append(decision)
        let decisions = try store.load()
        try index.write(sessions: []) { tx in
            try tx.replaceFailures(FailureClusterer().clusters(try tx.derivedInputs(), decisions: decisions))
        }
        let now = try index.failures().filter { c in
            c.occurrences.contains { decision.occurrences.contains("\($0.session)#\($0.line)") }
        }
        if output.json { try console.json(now); return }
        console.out("pinned \(decision.action.rawValue) in \(store.path); now:")
        for c in now { console.out("  " + FailurePrinter(console: console).line(c)) }
    }
}
