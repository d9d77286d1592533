// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "classify",
    products: [
        .executable(name: "classify", targets: ["classify"]),
        .library(name: "Classifier", targets: ["Classifier"]),
        .library(name: "ClassifierTesting", targets: ["ClassifierTesting"]),
        .library(name: "ClassifierJournal", targets: ["ClassifierJournal"]),
        .library(name: "ClassifierFetch", targets: ["ClassifierFetch"]),
        .library(name: "ClassifierService", targets: ["ClassifierService"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // SHA-256 of inputs and the keyed hashes of --redact (HMAC-SHA256).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // `classify fetch`: Discord's API over HTTPS, with its rate limits.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // `classify serve` (ClassifierService): the HTTP server, its graceful shutdown, logs and metrics. No traits:
        // swift-configuration support is not used, and leaving it out saves a package in every clean build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // libpcre2-8 through its C API; width 8 is fixed in the shim header.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // ICU (libicu-dev) behind stable C names: normalisation, confusable skeletons, character properties.
        .target(
            name: "CICU",
            // apt: libicu-dev (scripts/install-deps.sh)
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .target(
            name: "Classifier",
            dependencies: ["CPCRE2", "CICU", .product(name: "Yams", package: "Yams"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Tooling to test rule packs and labelled servers: the inline-example tester, evasion transforms, fixture
        // suites and their metrics. The CLI's `test` and `rules test` use it; embedding programs need not link it.
        .target(
            name: "ClassifierTesting",
            dependencies: ["Classifier"]
        ),
        // SQLite's C API (libsqlite3-dev) for the watch journal.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The watch journal: an anonymised history of scans in one SQLite file (README, "Watch journal").
        .target(
            name: "ClassifierJournal",
            dependencies: ["Classifier", "CSQLite"]
        ),
        // Getting a server's structure from Discord (README, "Getting a server's structure"): templates and a bot's
        // view of a guild, over AsyncHTTPClient. Kept out of the core library so embedding it pulls in no network stack.
        .target(
            name: "ClassifierFetch",
            dependencies: ["Classifier", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        // The HTTP service (`classify serve`): routes, limits, token, metrics and the volunteers' page, over the
        // library's readers, classifier and renderers - never a second implementation of them.
        .target(
            name: "ClassifierService",
            dependencies: ["Classifier", "ClassifierJournal", .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "Prometheus", package: "swift-prometheus")]
        ),
        .executableTarget(
            name: "classify",
            dependencies: ["Classifier", "ClassifierTesting", "ClassifierJournal", "ClassifierFetch", "ClassifierService",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Benchmarks (README, "Benchmarks"): swift run -c release classify-bench --help
        .executableTarget(
            name: "classify-bench",
            dependencies: ["Classifier", "ClassifierTesting", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "bench/harness"
        ),
        // libFuzzer target over the readers, text views and engine: scripts/fuzz.sh. A normal build replays files.
        .executableTarget(
            name: "classify-fuzz",
            dependencies: ["Classifier"],
            path: "Fuzz/harness"
        ),
        .testTarget(
            name: "ClassifierTests",
            dependencies: ["Classifier", "ClassifierTesting", "ClassifierJournal", .product(name: "Crypto", package: "swift-crypto")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// API documentation (scripts/docs.sh): swift-docc-plugin only when CLASSIFY_DOCS=1, so normal builds and CI never
// resolve or fetch it.
if Context.environment["CLASSIFY_DOCS"] == "1" {
    package.dependencies.append(.package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"))
}
