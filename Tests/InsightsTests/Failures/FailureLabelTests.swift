import Foundation
import Testing
import InsightsCore

@Suite("Failure clustering on the labelled set", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct FailureLabelTests {
    @Test("dump candidates (INSIGHTS_DUMP_CANDIDATES=file-prefix)",
          .enabled(if: ProcessInfo.processInfo.environment["INSIGHTS_DUMP_CANDIDATES"] != nil))
    func dump() throws {
        let prefix = ProcessInfo.processInfo.environment["INSIGHTS_DUMP_CANDIDATES"] ?? ""
        let root = try #require(Corpus.root)
        var files: [String] = []
        if prefix.hasPrefix("journal") {
            files = try FileManager.default.contentsOfDirectory(atPath: Corpus.repo.appendingPathComponent("journal").path)
                .filter { $0.hasSuffix(".md") }.map { "journal/" + $0 }
        } else {
            files = (FileManager.default.subpaths(atPath: root.path) ?? []).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".md") }
        }
        for f in files.sorted() {
            let s = try FailureLabels.session(f)
            for c in FailureCandidates.from(s) {
                print("{\"file\": \"\(f)\", \"line\": \(c.line), \"title\": \(String(decoding: try JSONEncoder().encode(c.title), as: UTF8.self))}, // \(c.kind.rawValue)/\(c.category) \(s.date)")
            }
        }
    }
}

extension FailureLabelTests {
    /// Clusters the labelled notes together and scores the grouping pairwise.
    static func evaluate(_ clusterer: FailureClusterer, verbose: Bool = false) throws -> PairScores {
        let labels = try FailureLabels.load()
        // Each series is clustered on its own, as a journal would hold it (one project, or one team's).
        let series = Dictionary(grouping: labels.notes) { note in
            note.split(separator: "/").prefix(note.hasPrefix("notes/") ? 2 : 1).joined(separator: "/")
        }
        var scores = PairScores()
        for name in series.keys.sorted() {
            let s = try evaluate(clusterer, labels, series[name] ?? [], verbose: verbose)
            if verbose { print("series \(name): \(s)") }
            scores.truePairs += s.truePairs; scores.predictedPairs += s.predictedPairs; scores.correctPairs += s.correctPairs
        }
        return scores
    }

    static func evaluate(_ clusterer: FailureClusterer, _ labels: FailureLabels, _ notes: [String], verbose: Bool) throws -> PairScores {
        let sessions = try notes.map(FailureLabels.session)
        let grouping = clusterer.grouping(sessions)
        let inSeries = Set(notes)
        let key = { (f: String, l: Int) in "\(f)#\(l)" }
        var byKey: [String: FailureCandidate] = [:]
        for c in grouping.candidates { byKey[c.key] = c }
        var label: [String: String] = [:]
        for g in labels.groups { for m in g.members where inSeries.contains(m.file) {
            let c = try #require(byKey[key(m.file, m.line)], "no candidate at \(m.file):\(m.line)")
            #expect(c.title == m.title, "label at \(m.file):\(m.line) names \"\(m.title)\", the candidate is \"\(c.title)\"")
            label[c.key] = g.name
        } }
        var ignored = Set<String>()
        for a in labels.ambiguous where inSeries.contains(a.file) {
            let c = try #require(byKey[key(a.file, a.line)], "no candidate at \(a.file):\(a.line)")
            #expect(c.title == a.title, "ambiguous label at \(a.file):\(a.line) names \"\(a.title)\", the candidate is \"\(c.title)\"")
            ignored.insert(c.key)
        }
        var predicted: [String: Int] = [:]
        for (n, g) in grouping.groups.enumerated() where g.count > 1 { for i in g { predicted[grouping.candidates[i].key] = n } }
        let items = grouping.candidates.map(\.key).filter { !ignored.contains($0) }
        if verbose {
            for (n, g) in grouping.groups.enumerated() where g.count > 1 {
                print("cluster \(n):")
                for i in g { let c = grouping.candidates[i]; print("   \(ignored.contains(c.key) ? "~" : " ") \(label[c.key] ?? "-") | \(c.key) \(c.title)") }
            }
            let idx = Dictionary(grouping.candidates.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
            for (n, g) in grouping.groups.enumerated() where g.count > 1 {
                for a in g.indices { for b in g.indices where b > a {
                    let x = grouping.candidates[g[a]], y = grouping.candidates[g[b]]
                    guard !ignored.contains(x.key), !ignored.contains(y.key), label[x.key] == nil || label[x.key] != label[y.key] else { continue }
                    let sc = grouping.score(g[a], g[b])
                    print(String(format: "WRONG %d %.3f ", n, sc) + "\(x.title.prefix(40)) ~ \(y.title.prefix(40))  " + grouping.vectors.shared(g[a], g[b]).prefix(5).map(\.term).joined(separator: ","))
                } }
            }
            for g in labels.groups where g.members.allSatisfy({ inSeries.contains($0.file) }) {
                print("label \(g.name):")
                let ms = g.members.compactMap { idx[key($0.file, $0.line)] }
                for a in ms.indices { for b in ms.indices where b > a {
                    let sc = grouping.score(ms[a], ms[b])
                    print(String(format: "   %.3f ", sc) + "\(grouping.candidates[ms[a]].title.prefix(30)) ~ \(grouping.candidates[ms[b]].title.prefix(30))  " + grouping.vectors.shared(ms[a], ms[b]).prefix(5).map(\.term).joined(separator: ","))
                } }
            }
            let missed = Dictionary(grouping: label.keys, by: { label[$0] ?? "" })
            for (name, keys) in missed.sorted(by: { $0.key < $1.key }) where Set(keys.map { predicted[$0] ?? -1 }).count > 1 || keys.contains(where: { predicted[$0] == nil }) {
                print("split label \(name): " + keys.sorted().map { "\($0)→\(predicted[$0].map(String.init) ?? "alone")" }.joined(separator: ", "))
            }
        }
        return PairScores.score(items: items, label: label, predicted: predicted)
    }

    @Test("pairwise precision ≥ 0.9 and recall ≥ 0.8 on the labelled notes")
    func precisionAndRecall() throws {
        let verbose = ProcessInfo.processInfo.environment["INSIGHTS_VERBOSE"] != nil
        let env = ProcessInfo.processInfo.environment
        let clusterer = FailureClusterer(threshold: env["INSIGHTS_T"].flatMap(Double.init) ?? FailureClusterer.defaultThreshold,
                                         linkThreshold: env["INSIGHTS_L"].flatMap(Double.init) ?? FailureClusterer.defaultLinkThreshold)
        let scores = try Self.evaluate(clusterer, verbose: verbose)
        print("failure clustering on the labelled set: \(scores)")
        #expect(scores.precision >= 0.9)
        #expect(scores.recall >= 0.8)
    }

    @Test("threshold sweep (INSIGHTS_SWEEP=1)", .enabled(if: ProcessInfo.processInfo.environment["INSIGHTS_SWEEP"] != nil))
    func sweep() throws {
        for same in [0.15] {
            for t in stride(from: 0.20, through: 0.35, by: 0.05) {
                for link in [0.11, 0.13, 0.15] {
                    let s = try Self.evaluate(FailureClusterer(threshold: t, linkThreshold: link, sameSessionThreshold: same))
                    print(String(format: "threshold %.2f link %.2f same-note %.2f: ", t, link, same) + s.description)
                }
            }
        }
    }
}

extension FailureLabelTests {
    @Test("pair scores of one note (INSIGHTS_PAIRS=corpus-or-journal-path)",
          .enabled(if: ProcessInfo.processInfo.environment["INSIGHTS_PAIRS"] != nil))
    func pairs() throws {
        let file = ProcessInfo.processInfo.environment["INSIGHTS_PAIRS"] ?? ""
        let g = FailureClusterer().grouping([try FailureLabels.session(file)])
        for a in g.candidates.indices { for b in g.candidates.indices where b > a {
            let s = g.score(a, b)
            if s > 0.08 {
                print(String(format: "PAIR %.3f ", s) + "\(g.candidates[a].line) \(g.candidates[a].title.prefix(30)) ~ \(g.candidates[b].line) \(g.candidates[b].title.prefix(30)): " + g.vectors.shared(a, b).prefix(6).map(\.term).joined(separator: ","))
            }
        } }
    }
}
