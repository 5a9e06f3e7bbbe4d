// swift-tools-version:6.0
import PackageDescription

/// Libraries, one per layer, hold everything pgentra does; the executables only parse, dispatch and exit.
/// C libraries enter through system-library targets (see docs in ../shared/spec/architecture.md).
/// Every layer, for the tests, which reach into each with `@testable import`.
let productLayers: [Target.Dependency] = [
    "PGEntraSystem", "PGEntraIdentity", "PGEntraOutput", "PGEntraDatabase", "PGEntraScanner",
    "PGEntraShell", "PGEntraProxy", "PGEntraCommands",
]

let package = Package(
    name: "pgentra",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pgentra", targets: ["pgentra"]),
        .executable(name: "entra-emulator", targets: ["entra-emulator"]),
    ],
    targets: [
        .systemLibrary(name: "CLibpq", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CLibedit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        // Headers only: libcurl itself is loaded with dlopen on first use (see Sources/CCurl/shim.h).
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // Headers only: epoll, eventfd and signalfd, which Swift's Glibc module does not export.
        .systemLibrary(name: "CLinux"),
        // The layers (docs/architecture.md). Each target may import only the targets it names
        // (LayerImportTests holds every source file to that); CLibpq is Database's alone.
        .target(name: "PGEntraSystem"),
        .target(name: "PGEntraIdentity", dependencies: ["PGEntraSystem", "COpenSSL", "CCurl"]),
        .target(name: "PGEntraOutput", dependencies: ["PGEntraSystem"]),
        .target(name: "PGEntraDatabase", dependencies: ["PGEntraSystem", "PGEntraOutput", "CLibpq", "COpenSSL"]),
        .target(name: "PGEntraScanner", dependencies: ["PGEntraSystem"]),
        .target(
            name: "PGEntraShell",
            dependencies: ["PGEntraSystem", "PGEntraIdentity", "PGEntraOutput", "PGEntraDatabase", "PGEntraScanner", "CLibedit"]
        ),
        .target(
            name: "PGEntraProxy",
            dependencies: ["PGEntraSystem", "PGEntraIdentity", "PGEntraDatabase", "COpenSSL", "CLinux"]
        ),
        .target(
            name: "PGEntraCommands",
            dependencies: [
                "PGEntraSystem", "PGEntraIdentity", "PGEntraOutput", "PGEntraDatabase", "PGEntraScanner",
                "PGEntraShell", "PGEntraProxy", "CLinux",
            ]
        ),
        .executableTarget(name: "pgentra", dependencies: ["PGEntraCommands", "PGEntraSystem"]),
        .executableTarget(name: "entra-emulator", dependencies: ["COpenSSL", "CLibpq"]),
        .target(name: "TestSupport", dependencies: ["PGEntraSystem", "PGEntraIdentity"], path: "Tests/TestSupport"),
        // Fuzzing (Fuzz/README.md): the targets are functions over bytes, so the unit tests replay
        // their seeds and every saved crash; scripts/fuzz builds pgentra-fuzz with libFuzzer.
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .target(name: "PGEntraFuzzTargets", dependencies: productLayers, path: "Fuzz/Targets"),
        .executableTarget(name: "pgentra-fuzz", dependencies: ["PGEntraFuzzTargets", "PGEntraIdentity", "CLibFuzzer"], path: "Fuzz/Driver"),
        .testTarget(
            name: "PGEntraTests", dependencies: productLayers + ["TestSupport", "PGEntraFuzzTargets"],
            // psql 18's completion patterns, read from the checkout by CompletionRuleTableTests.
            exclude: ["Shell/Psql18"]
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: productLayers + ["TestSupport"],
            // PostgreSQL's regression scripts, read from the checkout by RegressionScript.
            exclude: ["Regress/sql"]
        ),
    ]
)
