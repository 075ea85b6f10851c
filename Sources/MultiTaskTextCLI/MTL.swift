import ArgumentParser
import MultiTaskTextConfiguration

#if canImport(Glibc)
  import Glibc
#endif

/// The `mtl` command: multi-task text classification from one corpus pipeline.
@main
struct MTL: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mtl",
    abstract: "Multi-task text classification: ICU text in, every task's answer out.",
    version: "0.1.0",
    subcommands: [
      Tokenize.self, Train.self, Predict.self, Eval.self, Pipeline.self, Compare.self, Tune.self,
      Serve.self, Quantize.self, Pretrain.self,
    ]
  )

  static func main() {
    // A closed pipe (`mtl tokenize | head -1`) should end the run quietly, not kill it with
    // SIGPIPE; the writer sees EPIPE and stops.
    signal(SIGPIPE, SIG_IGN)
    // Ctrl-C ends any command at once with status 130, until a command that writes files
    // or trains says otherwise.
    Interruption.install(phase: .exitAtOnce, message: "Error: interrupted\n")
    if let message = unknownSubcommandMessage(Array(CommandLine.arguments.dropFirst())) {
      writeToStandardError("Error: \(message)")
      Self.exit(withError: ExitCode(64))
    }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let closed as OutputClosed {
      _ = closed
      Self.exit(withError: nil)
    } catch {
      // Help ends with the command's examples and docs page (see `CommandHelp`).
      if let help = CommandHelp.text(
        for: error, arguments: Array(CommandLine.arguments.dropFirst()))
      {
        print(help)
        Self.exit()
      }
      if let (message, exitCode) = ErrorMessage.describe(error) {
        writeToStandardError("Error: \(message)")
        Self.exit(withError: ExitCode(exitCode))
      }
      Self.exit(withError: error)
    }
  }

  /// "Did you mean" for a misspelt subcommand (`mtl tokenise`), which the argument parser
  /// reports only as an unexpected argument; nil when the first argument is fine.
  static func unknownSubcommandMessage(_ arguments: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
    let names = configuration.subcommands.map { $0._commandName } + ["help"]
    guard !names.contains(first),
      let suggestion = ConfigurationKeySuggestion.closest(to: first, among: names)
    else { return nil }
    return "unknown command \"\(first)\"; did you mean \"\(suggestion)\"?"
  }
}
