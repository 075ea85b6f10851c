// swift-tools-version:6.0
// MultiTaskText: multi-task text classification over ICU-normalized, ICU-segmented text.
import PackageDescription

let package = Package(
  name: "MultiTaskText",
  products: [
    .library(name: "MultiTaskText", targets: ["MultiTaskText"]),
    .library(name: "MultiTaskTextConfiguration", targets: ["MultiTaskTextConfiguration"]),
    .executable(name: "mtl", targets: ["MultiTaskTextCLI"]),
    // The C API (include/multitasktext.h in CMultiTaskText), which the Python package loads.
    .library(name: "MultiTaskTextC", type: .dynamic, targets: ["MultiTaskTextC"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // `swift package generate-documentation --target MultiTaskText` builds the DocC catalog.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    // The HTTP server (`mtl serve`) and its tests; the core library links none of these.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    // Hummingbird's own transport; named so the server can run predictions on its thread
    // pool and the server tests can open plain connections, with no TLS stack.
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
    .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
  ],
  targets: [
    // MARK: C interop (no stable Swift API)

    // The system ICU, found through pkg-config. Only the shim's C++ sources see its headers.
    .systemLibrary(
      name: "CICU",
      pkgConfig: "icu-uc",
      providers: [.apt(["libicu-dev", "pkg-config"])]
    ),
    // A shim whose public header uses only stdint types, so it coexists with Foundation's ICU.
    .target(
      name: "CICUShim",
      dependencies: ["CICU"],
      linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("stdc++")]
    ),

    // MARK: Library

    // Text → Corpus → Vocabulary/Features → Model → Training → Evaluation → Pipeline. Reads
    // corpus files but no configuration files, so a program that builds its settings in code
    // links neither Yams nor a YAML parser.
    .target(name: "MultiTaskText", dependencies: ["CICUShim"]),
    // Configuration files (YAML or JSON) to pipeline settings, with key-path errors.
    .target(
      name: "MultiTaskTextConfiguration",
      dependencies: ["MultiTaskText", .product(name: "Yams", package: "Yams")]
    ),

    // MARK: C API

    // The public C header and the parts plainest in C (thread-local last error, defaults).
    .target(name: "CMultiTaskText"),
    // `@_cdecl` functions implementing the header over the library; no Swift type crosses.
    .target(
      name: "MultiTaskTextC",
      dependencies: ["CMultiTaskText", "MultiTaskText", "MultiTaskTextConfiguration"]
    ),

    // MARK: Server

    // `mtl serve`: an HTTP front end over the library's predictor and formatter.
    .target(
      name: "MultiTaskTextServer",
      dependencies: [
        "MultiTaskText",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
      ]
    ),

    // MARK: Command-line tool

    .executableTarget(
      name: "MultiTaskTextCLI",
      dependencies: [
        "MultiTaskText",
        "MultiTaskTextConfiguration",
        "MultiTaskTextServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),

    // MARK: Tests

    // Helpers every test target shares, such as temporary fixture directories.
    .target(name: "MultiTaskTextTestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "MultiTaskTextTests", dependencies: ["MultiTaskText", "MultiTaskTextTestSupport"]),
    .testTarget(
      name: "MultiTaskTextConfigurationTests",
      dependencies: ["MultiTaskTextConfiguration", "MultiTaskText", "MultiTaskTextTestSupport"]),
    .testTarget(name: "MultiTaskTextCLITests", dependencies: ["MultiTaskTextCLI"]),
    .testTarget(
      name: "MultiTaskTextServerTests",
      dependencies: [
        "MultiTaskTextServer", "MultiTaskText", "MultiTaskTextTestSupport",
        // Built so the tests can compare with `mtl predict` and signal a real `mtl serve`.
        "MultiTaskTextCLI",
        // The tests' HTTP client is a plain NIO connection (HTTPTestClient.swift).
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]),
  ],
  cxxLanguageStandard: .cxx17
)
