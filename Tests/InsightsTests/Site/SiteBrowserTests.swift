import Foundation
import Testing
import InsightsSite

/// Headless Chromium (Debian `chromium`) over the built site, straight from the file system.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isPresent: Bool {
        if path == nil {
            FileHandle.standardError.write(Data("⚠️  chromium is ABSENT: the browser tests are SKIPPED (apt-get install -y chromium)\n".utf8))
        }
        return path != nil
    }

    /// Runs chromium headless with `arguments` plus `url`; returns stdout.
    static func run(_ arguments: [String], url: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--virtual-time-budget=2000"]
            + arguments + [url]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite("Site in a real browser", .serialized, .enabled(if: Corpus.isPresent && Chromium.isPresent, "needs ../shared/corpus and chromium"))
struct SiteBrowserTests {
    static let output: String = {
        let out = (try? SiteFixtures.tempFolder("browser")) ?? NSTemporaryDirectory() + "insights-site-browser"
        var input = (try? SiteFixtures.corpusInput()) ?? SiteInput(notes: [])
        if let journal = try? SiteFixtures.journalInput() { input.notes += journal.notes }
        input.tasks = (try? SiteTrackingTests.input().tasks) ?? []
        input.failures = (try? SiteTrackingTests.input().failures) ?? []
        _ = try? SiteBuilder(options: SiteOptions(title: "Team insights")).build(input, to: out)
        return out
    }()

    @Test("search.html?q=migration from file:// lists the reference note's migration finding with its anchor, highlighted")
    func searchFromFile() throws {
        let dom = try Chromium.run(["--dump-dom"], url: "file://\(Self.output)/search.html?q=migration")
        #expect(dom.contains("<p id=\"status\" aria-live=\"polite\">"))
        #expect(dom.range(of: #"\d+ results"#, options: .regularExpression) != nil)
        #expect(dom.contains("href=\"sessions/2025-12-17-session-insights.html#finding-1\""))
        #expect(dom.contains("<mark>Migration</mark> Tracking is Broken"))
    }

    /// The shipped journal lists "Document environment variables in .env.example" as remaining work on
    /// 2026-09-01 and again on 2026-10-20: the second doc gives the first one's number for its title.
    @Test("a title carried over from note to note is stored once and shown for every session")
    func repeatedTitle() throws {
        let script = try SiteFixtures.read(Self.output, "search-index.js")
        #expect(script.components(separatedBy: "\"Document environment variables in .env.example\"").count - 1 == 1)
        let dom = try Chromium.run(["--dump-dom"], url: "file://\(Self.output)/search.html?q=%22environment%20variables%22&kind=remaining")
        let title = "<span>Document <mark>environment</mark> <mark>variables</mark> in .env.example</span>"
        #expect(dom.components(separatedBy: title).count - 1 == 2)
        #expect(dom.contains("href=\"sessions/2026-10-20-ledgerly-six-week-retrospective.html#remaining-3\""))
    }

    @Test("query syntax in the browser: -word excludes, prefix* expands, a typo is corrected, filters apply")
    func querySyntax() throws {
        let excluded = try Chromium.run(["--dump-dom"], url: "file://\(Self.output)/search.html?q=migration%20-tracking")
        #expect(!excluded.contains("2025-12-17-session-insights.html#finding-1\""))
        #expect(excluded.range(of: #"\d+ results"#, options: .regularExpression) != nil)
        let prefix = try Chromium.run(["--dump-dom"], url: "file://\(Self.output)/search.html?q=migrat*")
        #expect(prefix.contains("<mark>Migration</mark> Tracking is Broken"))
        let typo = try Chromium.run(["--dump-dom"], url: "file://\(Self.output)/search.html?q=migraton")
        #expect(typo.contains("showing results for: migration"))
        #expect(typo.contains("<mark>Migration</mark> Tracking is Broken"))
        let filtered = try Chromium.run(["--dump-dom"], url: "file://\(Self.output)/search.html?q=migration&kind=remaining&priority=P0")
        #expect(filtered.contains("<div class=\"meta\">remaining · P0"))
        #expect(!filtered.contains("<div class=\"meta\">finding"))
        let phrase = try Chromium.run(["--dump-dom"], url: "file://\(Self.output)/search.html?q=%22migration%20tracking%22")
        #expect(phrase.contains("<mark>Migration</mark> <mark>Tracking</mark> is Broken"))
        #expect(phrase.contains("2 results"))
    }

    /// A task's and a failure's snippet are stored without their id, which the script puts back from the anchor's
    /// ref; a session page's path and date are stored as its name alone.
    @Test("tasks and failures are found with their id, status and anchor; session pages by their name; stop words ignored")
    func trackedDocs() throws {
        let task = try Chromium.run(["--dump-dom"], url: "file://\(Self.output)/search.html?q=repair%20migration&kind=task")
        #expect(task.contains("href=\"tasks.html#task-T-aa0001\""))
        #expect(task.contains("<div class=\"meta\">task · P0</div>"))
        #expect(task.contains("T-aa0001 · open · last seen 2026-09-03"))
        let failure = try Chromium.run(["--dump-dom"], url: "file://\(Self.output)/search.html?q=schema&kind=failure")
        #expect(failure.contains("href=\"failures.html#failure-F-bb0001\""))
        #expect(failure.contains("F-bb0001 · 2 sessions · recurred after fix"))
        // "the" and "of" are stop words: the query finds what "migration history" finds, dated by the page's name.
        let stopped = try Chromium.run(["--dump-dom"], url: "file://\(Self.output)/search.html?q=the%20migration%20of%20history&kind=remaining")
        #expect(stopped.contains("href=\"sessions/2026-09-03-session-insights.html#remaining-1\""))
        #expect(stopped.contains("<div class=\"meta\">remaining · P0 · 2026-09-03</div>"))
    }

    @Test("screenshots of home, a session and the tasks board, in the test output")
    func screenshots() throws {
        for (page, name) in [("index.html", "home"), ("sessions/2025-12-17-session-insights.html", "session"), ("tasks.html", "tasks")] {
            let shot = Self.output + "/screenshot-\(name).png"
            _ = try Chromium.run(["--screenshot=\(shot)", "--window-size=1280,900"], url: "file://\(Self.output)/\(page)")
            let size = (try? FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0
            #expect(size > 10_000, "\(shot) missing or blank")
            print("screenshot: \(shot)")
        }
    }
}
