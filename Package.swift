// swift-tools-version:6.0
// MultiTaskText: multi-task text classification over ICU-normalized, ICU-segmented text.
import PackageDescription

let package = Package(
  name: "MultiTaskText",
  products: [
    .library(name: "MultiTaskText", targets: ["MultiTaskText"]),
    .library(name: "MultiTaskTextConfiguration", targets: ["MultiTaskTextConfiguration"]),
    .executable(name: "mtl", targets: ["MultiTaskTextCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // `swift package generate-documentation --target MultiTaskText` builds the DocC catalog.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
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

    // MARK: Command-line tool

    .executableTarget(
      name: "MultiTaskTextCLI",
      dependencies: [
        "MultiTaskText",
        "MultiTaskTextConfiguration",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
  ],
  cxxLanguageStandard: .cxx17
)
