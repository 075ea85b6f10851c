import ArgumentParser
import Foundation

/// Ends `mtl <command> --help` with the command's examples and its documentation page, and
/// `mtl --help` with where to start reading.
///
/// The argument parser has no place after the options for text of our own, so the command's
/// entry point asks here whether a parse error is a request for help, and prints this text
/// instead of the parser's.
enum CommandHelp {
  /// The help that `error` asks for, ending with the examples of the subcommand named in
  /// `arguments`; nil when `error` is not a request for help (`--version` is not).
  static func text(for error: Error, arguments: [String]) -> String? {
    guard MTL.exitCode(for: error) == .success else { return nil }
    var message = MTL.fullMessage(for: error)
    guard message.hasPrefix("OVERVIEW:") || message.hasPrefix("USAGE:") else { return nil }
    while message.hasSuffix("\n") { message.removeLast() }
    return message + "\n\n" + ending(for: command(in: arguments), width: width)
  }

  /// The subcommand `arguments` name: the first argument that is one (`mtl help train`
  /// and `mtl train --help` both name `train`); nil for `mtl` itself.
  static func command(in arguments: [String]) -> String? {
    let names = Set(MTL.configuration.subcommands.map { $0._commandName })
    return arguments.first { !$0.hasPrefix("-") && names.contains($0) }
  }

  /// The examples and the docs page of `command`, or for `mtl` itself, where to start.
  static func ending(for command: String?, width: Int) -> String {
    let folder = LineFolder(width: width)
    guard let command, let entry = CommandExamples.byCommand[command] else {
      return
        (["EXAMPLES:", "  mtl pipeline corpora/default.yaml", ""]
        + folder.fold(
          "DOCS: README.md, from its Quick start; each command's --help ends with examples and"
            + " the page that covers it.")).joined(separator: "\n")
    }
    var lines = ["EXAMPLES:"]
    for (index, example) in entry.examples.enumerated() {
      if index > 0 { lines.append("") }
      lines += folder.fold("  " + example.purpose)
      lines += example.command.split(separator: "\n").map { "    " + $0 }
    }
    lines.append("")
    lines += folder.fold("DOCS: " + entry.documentation)
    return lines.joined(separator: "\n")
  }

  /// The width the argument parser wraps help to: `COLUMNS`, else the terminal's, else 80.
  private static var width: Int {
    if let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text),
      value > 0
    {
      return value
    }
    return TerminalWidth.columns(of: 1) ?? 80
  }
}
