import Foundation
import Testing

/// The README's Swift blocks are the example program CI builds and runs, region by region and
/// character for character, so the README cannot show code that does not compile.
/// `scripts/check-docs` makes the same comparison with a diff; this test keeps it in
/// `swift test`, the command a contributor runs.
struct ReadmeSnippetTests {
  @Test func everyReadmeSwiftBlockIsARegionOfTheExampleProgram() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let readme = try String(
      contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let program = try String(
      contentsOf: root.appendingPathComponent(
        "Examples/LibraryUsage/Sources/LibraryUsage/main.swift"),
      encoding: .utf8)
    let regions = program.components(separatedBy: "// README: begin\n").dropFirst().map {
      $0.components(separatedBy: "// README: end\n")[0]
    }
    let blocks = readme.components(separatedBy: "```swift\n").dropFirst().map {
      $0.components(separatedBy: "```")[0]
    }
    #expect(!regions.isEmpty)
    #expect(blocks == regions)
  }
}
