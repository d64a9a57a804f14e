// swift-tools-version:6.2
import PackageDescription

/// Every target of ours is built in Swift 6 mode with warnings treated as errors.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "fusion-console",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fusion-console", targets: ["fusion-console"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // C shims: the only way Swift reaches ncurses' and libcurl's macros, globals and variadics.
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl"),
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),

        // Untrusted text made safe for a terminal, and its display width.
        .target(name: "SafeText", swiftSettings: strict),

        // Domain: values, state machines, policy rules. Foundation only.
        .target(
            name: "FactoryModel",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),

        // The job store contract, its SQLite implementation, migrations, the action gate, the audit chain.
        .target(
            name: "FactoryStore",
            dependencies: ["FactoryModel", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),

        // The job store on a PostgreSQL server (libpq): the same contract, gate and audit chain, plus LISTEN/NOTIFY.
        .target(
            name: "PostgresStore", dependencies: ["FactoryStore", "FactoryModel", "CLibPQ"], swiftSettings: strict
        ),

        // Node utilisation over HTTP (libcurl): the Fusion registry API and Prometheus.
        .target(name: "NodeRegistry", dependencies: ["FactoryModel", "CCurl"], swiftSettings: strict),

        // Settings from the TOML config file.
        .target(
            name: "FusionConfig",
            dependencies: ["SafeText", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict
        ),

        // Console state: events in, state and effects out.
        .target(name: "ConsoleCore", dependencies: ["FactoryModel", "SafeText"], swiftSettings: strict),

        // The screen as an in-memory cell grid: widgets, themes, one file per screen.
        .target(name: "ConsoleRender", dependencies: ["ConsoleCore", "FactoryModel", "SafeText"], swiftSettings: strict),

        // The only code that calls ncurses.
        .target(
            name: "TerminalNCurses", dependencies: ["ConsoleRender", "ConsoleCore", "SafeText", "CNCursesW"],
            swiftSettings: strict
        ),

        // The live dashboard: the loop that owns the console state, loads data off the UI thread, sends actions
        // through the gate, and draws through the terminal backend.
        .target(
            name: "ConsoleApp",
            dependencies: [
                "ConsoleCore", "ConsoleRender", "TerminalNCurses", "FactoryModel", "FactoryStore", "NodeRegistry", "SafeText",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // The demo factory: plays the runtime on a store and serves the registry API.
        .target(
            name: "FactorySimulator",
            dependencies: [
                "FactoryModel", "FactoryStore", "NodeRegistry", .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"), .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),

        // The command line and the wiring of every part.
        .target(
            name: "FusionCommands",
            dependencies: [
                "SafeText", "FactoryModel", "FactoryStore", "PostgresStore", "NodeRegistry", "FusionConfig",
                "ConsoleCore", "ConsoleRender", "TerminalNCurses", "ConsoleApp", "FactorySimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "fusion-console", dependencies: ["FusionCommands"], swiftSettings: strict),

        // Fixtures shared by the test targets (never linked into the program).
        .target(
            name: "FactoryTestSupport",
            dependencies: ["FactoryStore", "PostgresStore", "FactoryModel", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),

        // Tests.
        .testTarget(
            name: "SafeTextTests",
            dependencies: ["SafeText", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict
        ),
        .testTarget(name: "FactoryModelTests", dependencies: ["FactoryModel"], swiftSettings: strict),
        .testTarget(
            name: "FactoryStoreTests",
            dependencies: [
                "FactoryStore", "FactoryModel", "FactoryTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PostgresStoreTests",
            dependencies: [
                "PostgresStore", "FactoryStore", "FactoryModel", "FactoryTestSupport", "ConsoleCore", "ConsoleRender",
                "ConsoleApp",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NodeRegistryTests",
            dependencies: ["NodeRegistry", "FactoryModel", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict
        ),
        .testTarget(name: "FusionConfigTests", dependencies: ["FusionConfig"], swiftSettings: strict),
        .testTarget(
            name: "ConsoleTests",
            dependencies: [
                "ConsoleCore", "ConsoleRender", "ConsoleApp", "SafeText", "FactoryModel", "FactoryStore", "FactorySimulator",
                "FactoryTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Snapshots"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TerminalNCursesTests",
            dependencies: ["TerminalNCurses", "ConsoleRender", "ConsoleCore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FactorySimulatorTests",
            dependencies: [
                "FactorySimulator", "FactoryStore", "FactoryModel", "NodeRegistry", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CommandLineTests",
            dependencies: ["FactoryStore", "FactoryModel", "FactoryTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
    ]
)
