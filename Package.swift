// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Ro",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ro", targets: ["ro"]),
        .library(name: "RoDomain", targets: ["RoDomain"]),
        .library(name: "RoEventStore", targets: ["RoEventStore"]),
        .library(name: "RoHandlers", targets: ["RoHandlers"]),
        .library(name: "RoWorkflows", targets: ["RoWorkflows"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // libuuid from uuid-dev: event ids, as the design card names.
        .systemLibrary(name: "CUUID", path: "Sources/CUUID", providers: [.apt(["uuid-dev"])]),
        // Pure domain: types, deciders, folds, calendar. Foundation only.
        .target(name: "RoDomain", path: "Sources/Domain", swiftSettings: strict),
        // The event store on SQLite (GRDB) and the projections it feeds.
        .target(
            name: "RoEventStore",
            dependencies: [
                "RoDomain", "CUUID",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/EventStore",
            swiftSettings: strict),
        // The plan file format: read YAML, validate, point at the exact place of a fault.
        .target(
            name: "RoWorkflows",
            dependencies: [
                "RoDomain", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/Workflows",
            swiftSettings: strict),
        // Command handlers: load a stream, decide, append with the expected version.
        .target(
            name: "RoHandlers",
            dependencies: ["RoDomain", "RoEventStore", .product(name: "Crypto", package: "swift-crypto")],
            path: "Sources/Handlers",
            swiftSettings: strict),
        // Mail: RFC 5322 messages (MIME, RFC 2047) handed to the sendmail program.
        .target(name: "RoMail", path: "Sources/Mail", swiftSettings: strict),
        // The scheduler: which reminders are due, and the runner that records and sends them.
        .target(
            name: "RoScheduler",
            dependencies: [
                "RoDomain", "RoEventStore", "RoHandlers", "RoMail",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/Scheduler",
            swiftSettings: strict),
        // The web front: pages and a JSON API on Hummingbird, sessions, the same handlers as the CLI.
        .target(
            name: "RoServer",
            dependencies: [
                "RoDomain", "RoEventStore", "RoHandlers", "RoScheduler",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/Server",
            resources: [.copy("Templates")],
            swiftSettings: strict),
        // The `ro` command line: thin.
        .executableTarget(
            name: "ro",
            dependencies: [
                "RoDomain", "RoEventStore", "RoHandlers", "RoWorkflows", "RoMail", "RoScheduler", "RoServer",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/ro",
            swiftSettings: strict),
        // Benchmarks: speed as ratios against a limit measured in the same run.
        .executableTarget(
            name: "ro-bench",
            dependencies: [
                "RoDomain", "RoEventStore", "RoHandlers", "RoScheduler",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tools/Benchmarks",
            // The raw limit (C) and the peer (Python) are run by ro-bench as programs.
            exclude: ["Limit", "Peer"],
            swiftSettings: strict),
        .target(
            name: "TestSupport",
            dependencies: ["RoDomain", "RoEventStore", "RoHandlers"],
            path: "Tests/TestSupport",
            swiftSettings: strict),
        .testTarget(name: "DomainTests", dependencies: ["RoDomain", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "EventStoreTests",
            dependencies: [
                "RoEventStore", "RoHandlers", "RoWorkflows", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict),
        .testTarget(name: "WorkflowsTests", dependencies: ["RoWorkflows", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "MailTests", dependencies: ["RoMail"], swiftSettings: strict),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "RoServer", "RoWorkflows", "TestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "SchedulerTests", dependencies: ["RoScheduler", "RoWorkflows", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "ro", "RoDomain", "RoMail", "RoWorkflows",
                // Its NIO HTTP client, for the browser test's talk with chromedriver and `ro serve`.
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict),
    ]
)
