import Foundation
import Testing

/// The README's Library snippet is the example program CI builds and runs, character for
/// character, so the README cannot show code that does not compile.
struct ReadmeSnippetTests {
  @Test func theReadmeLibrarySnippetIsTheExampleProgram() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let readme = try String(
      contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let program = try String(
      contentsOf: root.appendingPathComponent(
        "Examples/LibraryUsage/Sources/LibraryUsage/main.swift"),
      encoding: .utf8)
    let parts = program.components(separatedBy: "// README: begin\n")
    let snippet = try #require(parts.last?.components(separatedBy: "// README: end\n").first)
    #expect(parts.count == 2)
    #expect(readme.contains("```swift\n" + snippet + "```"))
  }
}
