import Foundation
import Testing
import InsightsCore

/// A real multi-session series: tickdatapipeline's design notes list work that later notes report done.
///
/// Verified by reading the notes: `session_20251016_bar_processor_design` lists `- [ ] Create barprocessor.jl`,
/// `- [ ] Add TOML configuration`, `- [ ] Create test_barprocessor.jl`; `..._implementation` (same day, later)
/// lists the files it created (`src/BarProcessor.jl (NEW ...`, `config/default.toml`,
/// `test/test_barprocessor.jl (NEW ...`). `session_20251010_cpm_phase3`'s "Next Steps" benchmarking tasks
/// (latency percentiles, memory allocation verification, throughput metrics) are reported done in `cpm_phase4`.
/// "Filter Bank Integration" stays an open next step across three notes.
@Suite("Tasks across a corpus series", .enabled(if: Corpus.isPresent, "../shared/corpus/ is absent"))
struct TaskTrackerSeriesTests {
    let tasks: [TrackedTask]

    init() throws { tasks = TaskTracker().tasks(from: try TaskFixtures.series("notes/tickdatapipeline")) }

    func task(_ title: String) throws -> TrackedTask {
        try #require(tasks.first { $0.mentions.contains { $0.kind == .open && $0.text == title } }, "no task \(title)")
    }

    @Test("design items closed by the implementation note", arguments: [
        ("Create barprocessor.jl", "src/BarProcessor.jl (NEW"),
        ("Add TOML configuration", "config/default.toml"),
        ("Create test_barprocessor.jl", "test/test_barprocessor.jl (NEW"),
    ])
    func barProcessor(open: String, evidence: String) throws {
        let t = try task(open)
        #expect(t.status == .done)
        #expect(t.mentions.first?.session == "session_20251016_bar_processor_design")
        // Regression: "Phase 1: Data Structures & Configuration" was once read as a reference section (the
        // vocabulary's "data"), which hid its "Files Modified" list (`config/default.toml`, line 38).
        #expect(t.resolvedIn == "session_20251016_bar_processor_implementation")
        #expect(t.evidence?.text.hasPrefix(evidence) == true)
    }

    @Test("phase 3 benchmarking tasks closed in phase 4", arguments: [
        "Latency percentile analysis (p50, p95, p99, p99.9)",
        "Memory allocation verification (should be zero)",
        "Throughput metrics (ticks/second)",
    ])
    func cpmPhases(open: String) throws {
        let t = try task(open)
        #expect(t.status == .done)
        #expect(t.resolvedIn == "session_20251010_cpm_phase4")
    }

    @Test("an open next step merged across three notes, in other words")
    func filterIntegration() throws {
        let t = try task("Filter Bank Integration")
        #expect(t.mentions.map(\.session) == ["session_20251011_amc_implementation", "session_20251016_bar_processor_design",
                                              "session_20251017_data_capture_script"])
        #expect(t.status == .open)
    }

    @Test("unrelated items sharing only generic words stay apart")
    func staysApart() throws {
        #expect(try task("Create barprocessor.jl").id != task("Create test_barprocessor.jl").id)
        #expect(try task("Update main README with AMC option").mentions.count <= 2)
        // Only "toml" and "configuration" in common: the bar processor's TOML config is not the AMC example file.
        #expect(try task("Add TOML configuration").id != task("Create example_amc.toml").id)
        // ROAD-034 and ROAD-039 are different tickets (cosmo-smoke).
        let cosmo = TaskTracker().tasks(from: try TaskFixtures.series("notes/cosmo-smoke"))
        #expect(!cosmo.contains { t in t.mentions.contains { $0.text.contains("ROAD-034") } && t.mentions.contains { $0.text.contains("ROAD-039") } })
    }
}
