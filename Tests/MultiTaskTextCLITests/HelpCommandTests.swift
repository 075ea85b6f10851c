import Foundation
import Testing

@testable import MultiTaskTextCLI

/// Every subcommand's `--help` ends with two or three examples and the page that covers it,
/// and the examples stay true: each option they use is one the command has, and each page
/// and README section they name exists.
struct HelpCommandTests {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let commands = MTL.configuration.subcommands.map { $0._commandName }

  @Test func everySubcommandHasExamples() {
    for command in Self.commands {
      let entry = CommandExamples.byCommand[command]
      #expect(entry != nil, "no examples for \(command)")
      #expect((2...3).contains(entry?.examples.count ?? 0), "\(command)")
    }
  }

  @Test(arguments: commands)
  func helpEndsWithExamplesAndTheDocsPage(command: String) throws {
    let result = try CommandRunner.run([command, "--help"])
    #expect(result.status == 0, "\(result.standardError)")
    let help = result.standardOutput
    let lines = help.split(separator: "\n").map(String.init)
    let examples = try #require(lines.firstIndex(of: "EXAMPLES:"))
    let options = try #require(lines.firstIndex(of: "OPTIONS:"))
    #expect(options < examples)
    let ending = lines[examples...].joined(separator: "\n")
    // The docs line is the last, folded or not.
    let docs = try #require(lines.lastIndex { $0.hasPrefix("DOCS: ") })
    #expect(docs > examples)
    #expect(lines[(docs + 1)...].allSatisfy { $0.hasPrefix("  ") })
    let entry = try #require(CommandExamples.byCommand[command])
    for example in entry.examples {
      #expect(ending.contains(example.command.split(separator: "\n")[0]))
      // Every option an example uses is one this command's help lists.
      let words = example.command.split(whereSeparator: { $0 == " " || $0 == "\n" })
      for option in words where option.hasPrefix("--") && example.command.contains("mtl ") {
        #expect(
          help.contains(option + " ") || help.contains(option + "\n"), "\(command): \(option)")
      }
    }
    try checkPages(named: entry.documentation)
    // `mtl help COMMAND` ends the same way.
    let viaHelp = try CommandRunner.run(["help", command]).standardOutput
    #expect(viaHelp.contains("EXAMPLES:"))
    #expect(viaHelp.contains(lines[docs]))
  }

  /// Each page the help names is in the repository, and each README section it names is a
  /// heading there.
  func checkPages(named documentation: String) throws {
    let pages = documentation.matches(of: /(README\.md|docs\/[A-Z_]+\.md)/).map {
      String($0.output.0)
    }
    #expect(!pages.isEmpty, "\(documentation)")
    for page in pages {
      #expect(
        FileManager.default.fileExists(atPath: Self.repository.appendingPathComponent(page).path),
        "\(page)")
    }
    let readme = try String(
      contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
    let headings = readme.split(separator: "\n").filter { $0.hasPrefix("## ") }
      .map { $0.replacingOccurrences(of: "`", with: "") }
    for section in documentation.matches(of: /section "([^"]+)"/) {
      let name = String(section.output.1)
      #expect(headings.contains { $0.contains(name) }, "README has no section \(name)")
    }
  }

  @Test func theSetOptionNamesTheConfigurationReferenceAndOutputExists() throws {
    for command in ["train", "pipeline", "compare"] {
      let help = try CommandRunner.run([command, "--help"]).standardOutput
      #expect(help.contains("docs/CONFIGURATION.md"), "\(command)")
      #expect(help.contains("--output <directory>"), "\(command)")
    }
  }

  @Test func theRootHelpSaysWhereToStartAndVersionIsUnchanged() throws {
    let help = try CommandRunner.run(["--help"])
    #expect(help.status == 0)
    #expect(help.standardOutput.contains("DOCS: README.md"))
    let version = try CommandRunner.run(["--version"])
    #expect(version.standardOutput == "0.1.0\n")
  }
}
