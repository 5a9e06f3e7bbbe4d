// swift-tools-version:6.0
import PackageDescription

/// One library holds everything pgentra does; the executables only parse, dispatch and exit.
/// C libraries enter through system-library targets (see docs in ../shared/spec/architecture.md).
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
        .target(
            name: "PGEntra",
            dependencies: ["CLibpq", "CLibedit", "COpenSSL", "CCurl", "CLinux"]
        ),
        .executableTarget(name: "pgentra", dependencies: ["PGEntra"]),
        .executableTarget(name: "entra-emulator", dependencies: ["COpenSSL", "CLibpq"]),
        .target(name: "TestSupport", dependencies: ["PGEntra"], path: "Tests/TestSupport"),
        // Fuzzing (Fuzz/README.md): the targets are functions over bytes, so the unit tests replay
        // their seeds and every saved crash; scripts/fuzz builds pgentra-fuzz with libFuzzer.
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .target(name: "PGEntraFuzzTargets", dependencies: ["PGEntra", "CLibpq"], path: "Fuzz/Targets"),
        .executableTarget(name: "pgentra-fuzz", dependencies: ["PGEntraFuzzTargets", "CLibFuzzer"], path: "Fuzz/Driver"),
        .testTarget(name: "PGEntraTests", dependencies: ["PGEntra", "TestSupport", "PGEntraFuzzTargets"]),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["TestSupport", "PGEntra"],
            // PostgreSQL's regression scripts, read from the checkout by RegressionScript.
            exclude: ["Regress/sql"]
        ),
    ]
)
