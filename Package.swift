// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "insights",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "insights", targets: ["insights"]),
        .executable(name: "insights-mcp", targets: ["insights-mcp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        // Already resolved for the MCP SDK; named here because our stdio transport wrapper spells its `Logger`.
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // C API of cmark-gfm (Debian libcmark-gfm-dev + libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // SHA-256's compression on the CPU's SHA instructions (x86-64), for Core's `SHA256`; nothing elsewhere.
        .target(name: "CSHA256"),
        // Pure domain model and extraction: Foundation only (and CSHA256's one C function).
        .target(name: "InsightsCore", dependencies: ["CSHA256"]),
        // The only importer of the C API: Markdown text -> Core's block tree, and HTML rendering.
        .target(name: "InsightsMarkdown", dependencies: ["CCMarkGFM", "InsightsCore"]),
        // The only importer of GRDB: schema, migrations, FTS5, queries.
        .target(name: "InsightsStore", dependencies: [
            "InsightsCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C declarations, for the FTS5 rank function (Search/RankFunction.swift).
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // The static site: Mustache templates, pages, the browser's search index. No GRDB.
        .target(name: "InsightsSite", dependencies: [
            "InsightsCore", "InsightsMarkdown",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // Commands; the one place that wires everything together.
        .target(name: "InsightsCLI", dependencies: [
            "InsightsCore", "InsightsMarkdown", "InsightsStore", "InsightsSite",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The allocator `insights` runs on: mimalloc (Debian libmimalloc-dev) on Linux, the system's elsewhere.
        .target(name: "CAllocator", linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]),
        .executableTarget(name: "insights", dependencies: ["InsightsCLI", "CAllocator"]),
        // `insights mcp` (execs `insights-mcp`): the MCP SDK links FoundationNetworking, libcurl and ~30 TLS
        // libraries, which took 19 ms off the start of every other command while they were in `insights`.
        .target(name: "InsightsMCP", dependencies: [
            "InsightsCLI", "InsightsStore", "InsightsCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "MCP", package: "swift-sdk"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "insights-mcp", dependencies: ["InsightsMCP"]),
        // Benchmarks (see scripts/bench.sh): built with `-Xswiftc -enable-testing` to drive CLI internals.
        .executableTarget(name: "insights-bench", dependencies: ["InsightsCLI", "InsightsCore", "InsightsMarkdown", "InsightsStore"]),
        .testTarget(name: "InsightsTests", dependencies: [
            "InsightsCore", "InsightsMarkdown", "InsightsStore", "InsightsCLI", "InsightsSite", "InsightsMCP",
            .product(name: "MCP", package: "swift-sdk"),
        ], exclude: [
            // Read from the source tree by path (reviewed goldens, labels, the shipped journal's story).
            "Goldens", "Failures/failure-labels.json", "JOURNAL-STORY.md",
        ]),
    ]
)
