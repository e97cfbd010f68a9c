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
        let sessions = try labels.notes.map(FailureLabels.session)
        let grouping = clusterer.grouping(sessions)
        let key = { (f: String, l: Int) in "\(f)#\(l)" }
        var byKey: [String: FailureCandidate] = [:]
        for c in grouping.candidates { byKey[c.key] = c }
        var label: [String: String] = [:]
        for g in labels.groups { for m in g.members {
            let c = try #require(byKey[key(m.file, m.line)], "no candidate at \(m.file):\(m.line)")
            #expect(c.title == m.title, "label at \(m.file):\(m.line) names \"\(m.title)\", the candidate is \"\(c.title)\"")
            label[c.key] = g.name
        } }
        var ignored = Set<String>()
        for a in labels.ambiguous {
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
        let scores = try Self.evaluate(FailureClusterer(), verbose: verbose)
        print("failure clustering on the labelled set: \(scores)")
        #expect(scores.precision >= 0.9)
        #expect(scores.recall >= 0.8)
    }

    @Test("threshold sweep (INSIGHTS_SWEEP=1)", .enabled(if: ProcessInfo.processInfo.environment["INSIGHTS_SWEEP"] != nil))
    func sweep() throws {
        for t in stride(from: 0.15, through: 0.50, by: 0.05) {
            for link in [0.10, 0.15, 0.20, 0.25] {
                let s = try Self.evaluate(FailureClusterer(threshold: t, linkThreshold: link))
                print(String(format: "threshold %.2f link %.2f: ", t, link) + s.description)
            }
        }
    }
}
