// swift-tools-version:6.0
// The README's Library snippets as a program, in a package that depends on MultiTaskText by
// path: CI builds and runs it, so the snippets compile and work as written.
import PackageDescription

let package = Package(
  name: "LibraryUsage",
  dependencies: [.package(name: "MultiTaskText", path: "../..")],
  targets: [
    .executableTarget(
      name: "LibraryUsage",
      dependencies: [.product(name: "MultiTaskText", package: "MultiTaskText")])
  ]
)
