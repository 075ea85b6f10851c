// swift-tools-version:6.0
// libFuzzer targets for MultiTaskText. A separate package, so fuzzing flags and executables stay
// out of the main package; see README.md for how to build and run them.
import PackageDescription

let package = Package(
  name: "MultiTaskTextFuzz",
  dependencies: [
    .package(name: "MultiTaskText", path: "..")
  ],
  targets: [
    // MARK: libFuzzer entry (no stable API)

    .target(name: "FuzzDriver"),

    // MARK: Corpus readers

    .executableTarget(name: "FuzzJSONL", dependencies: ["FuzzDriver", "MultiTaskText"]),
    .executableTarget(name: "FuzzCSV", dependencies: ["FuzzDriver", "MultiTaskText"]),

    // MARK: Persistence

    .executableTarget(name: "FuzzModelFile", dependencies: ["FuzzDriver", "MultiTaskText"]),
    .executableTarget(name: "FuzzQuantizedModel", dependencies: ["FuzzDriver", "MultiTaskText"]),

    // MARK: Text

    .executableTarget(name: "FuzzTokenizer", dependencies: ["FuzzDriver", "MultiTaskText"]),
  ]
)
