import Foundation
import Testing
import InsightsCore
import InsightsMarkdown

/// The reviewed labels in `failure-labels.json`: which candidate occurrences of real notes are the same failure.
/// Occurrences are named by file, line and title (no note text is copied); every candidate not in a group is a
/// singleton; `ambiguous` ones (a friction row whose problem is one failure and whose response another) are
/// left out of the scores.
struct FailureLabels: Decodable {
    struct Ref: Decodable, Hashable {
        var file: String
        var line: Int
        var title: String
    }
    struct Group: Decodable {
        var name: String
        var members: [Ref]
    }
    struct Ambiguous: Decodable {
        var file: String
        var line: Int
        var title: String
        var reason: String
    }
    /// Notes labelled: `seed/...`, `notes/...` (corpus) or `journal/...` (the shipped journal).
    var notes: [String]
    var groups: [Group]
    var ambiguous: [Ambiguous]

    static func load() throws -> FailureLabels {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("failure-labels.json")
        return try JSONDecoder().decode(FailureLabels.self, from: Data(contentsOf: url))
    }

    /// A labelled note parsed, its session id set to the file so labels can name it.
    static func session(_ file: String) throws -> Session {
        let text: String
        if file.hasPrefix("journal/") {
            text = try String(contentsOf: Corpus.repo.appendingPathComponent(file), encoding: .utf8)
        } else {
            text = try Corpus.text(file)
        }
        var s = NoteParser().session(from: text, fileName: (file as NSString).lastPathComponent)
        s.id = file
        return s
    }
}

/// Pairwise precision and recall of a grouping against labels.
struct PairScores: CustomStringConvertible {
    var truePairs = 0, predictedPairs = 0, correctPairs = 0
    var precision: Double { predictedPairs == 0 ? 1 : Double(correctPairs) / Double(predictedPairs) }
    var recall: Double { truePairs == 0 ? 1 : Double(correctPairs) / Double(truePairs) }
    var description: String {
        String(format: "precision %.3f (%d/%d pairs), recall %.3f (%d/%d pairs)", precision, correctPairs, predictedPairs,
               recall, correctPairs, truePairs)
    }

    /// `label` and `predicted` map an item to its group name / cluster number (absent = singleton).
    static func score(items: [String], label: [String: String], predicted: [String: Int]) -> PairScores {
        var s = PairScores()
        for i in items.indices { for j in items.indices where j > i {
            let a = items[i], b = items[j]
            let same = label[a] != nil && label[a] == label[b]
            let together = predicted[a] != nil && predicted[a] == predicted[b]
            if same { s.truePairs += 1 }
            if together { s.predictedPairs += 1 }
            if same && together { s.correctPairs += 1 }
        } }
        return s
    }
}
