import Foundation
import Testing
import InsightsCore
import InsightsMarkdown

/// Golden JSON of extraction for real notes of different styles. Each golden was read against its note by a
/// person. Set INSIGHTS_RECORD_GOLDENS=1 to rewrite them: the run then fails, so nothing is accepted unseen.
@Suite("Extraction goldens", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct GoldenTests {
    static let notes = [
        "seed/SESSION_INSIGHTS-2025-12-17.md",
        "notes/ggltcg/SESSION_NOTES_2025-11-20.md",
        "notes/ggltcg/SESSION_HANDOFF_2026_03_07.md",
        "notes/ggltcg/RETROSPECTIVE.md",
        "notes/cosmo-smoke/Session-2026-04-19-v0.9.0-OTel-Depth-and-Breadth.md",
        "notes/cosmo-smoke/handoffs/2026-04-21-session-handoff.md",
        "notes/cosmo-smoke/Session-002-v0.5.0-goss-migration-skipif-multienv.md",
        "notes/tickdatapipeline/session_20251018_parse_error_fix.md",
        "notes/tickdatapipeline/session_20251005_1950_bar_normalization.md",
        "notes/misc/flutter/Postmortem-flutter.dev-outage-on-August-26-2023.md",
        "notes/misc/ructf-2023/POSTMORTEM.md",
        "notes/misc/pyscotch/FINDINGS.md",
        "notes/misc/clood/CHIMBORAZO_LESSONS.md",
        "notes/misc/big-mood-detector/AGENT_HANDOFF_DETAILED_REPORT.md",
    ]

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Goldens/extraction")

    @Test("extraction matches the reviewed golden", arguments: notes)
    func golden(_ path: String) throws {
        var session = NoteParser().session(from: try Corpus.text(path), fileName: (path as NSString).lastPathComponent,
                                           fallbackDate: "2000-01-01")
        session.source = path
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let actual = String(decoding: try encoder.encode(session), as: UTF8.self) + "\n"
        let name = path.replacingOccurrences(of: "/", with: "__").replacingOccurrences(of: ".md", with: ".json")
        let file = Self.goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["INSIGHTS_RECORD_GOLDENS"] != nil {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: false, encoding: .utf8)
            Issue.record("recorded \(name); review it, then run again without INSIGHTS_RECORD_GOLDENS")
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "extraction of \(path) differs from Goldens/extraction/\(name)")
    }
}
