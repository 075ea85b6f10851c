import ArgumentParser
import Foundation
import MultiTaskText
import MultiTaskTextConfiguration

#if canImport(Glibc)
  import Glibc
#endif

/// `mtl compare CONFIG`: does training the tasks together help them?
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Train the tasks together and each alone, and compare their test scores.",
    discussion: """
      Trains one model for all tasks of the configuration and one model per task, with the \
      same settings and seed, and evaluates each on the task's test file. Prints a table of \
      single-task and multi-task accuracy and macro-F1 with the difference, flags tasks that \
      joint training hurts (negative transfer), and writes the same table as compare.json, \
      compare.md and compare.html into output.directory.
      """
  )

  @OptionGroup var options: ConfigurationOptions
  @OptionGroup var destination: OutputDirectoryOption

  func run() throws {
    let run = try options.load(
      writing: ["compare.json", "compare.md", "compare.html"], vocabularyCopy: false,
      outputDirectory: destination.absoluteDirectory)
    let configuration = run.pipeline
    // Ctrl-C ends a comparison at once: it has written nothing until its last step, and
    // that step is atomic.
    let reporter = ComparisonProgress(quiet: options.quiet)
    var report: ComparisonReport
    do {
      report = try Comparison(configuration: configuration).run(
        shouldStop: { Interruption.wasRequested }, onEvent: reporter.handle)
    } catch {
      reporter.finish()
      throw error
    }
    reporter.finish()
    report.run = try RunProvenance(
      mtlVersion: MTL.configuration.version, configuration: configuration)
    let directory = run.output.directory as NSString
    var written: [String] = []
    for (name, format) in [
      ("compare.json", ReportFormat.json), ("compare.md", .markdown), ("compare.html", .html),
    ] {
      let path = directory.appendingPathComponent(name)
      let bytes = try ComparisonRenderer().render(report, as: format)
      try Interruption.whileWriting { try AtomicFileWriter().write(bytes, to: path) }
      written.append(path)
    }
    var summary =
      ComparisonRenderer(colors: TerminalColors.enabled(for: 1)).text(report) + "wrote:\n"
    for path in written { summary += "  \(path)\n" }
    try OutputWriter.writeSummary(summary)
  }
}

/// Progress for a comparison: which model is training, then the trainer's own lines.
final class ComparisonProgress: @unchecked Sendable {
  private let quiet: Bool
  private let lock = NSLock()
  private var reporter: ProgressReporter?

  init(quiet: Bool) {
    self.quiet = quiet
  }

  func handle(_ event: Comparison.Event) {
    guard !quiet else { return }
    lock.lock()
    defer { lock.unlock() }
    switch event {
    case .training(let task):
      reporter?.finish()
      writeToStandardError(
        task.map { "== training \($0) alone" } ?? "== training all tasks together")
      reporter = ProgressReporter(quiet: false)
    case .pipeline(let event, _):
      reporter?.handle(event)
    }
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    reporter?.finish()
  }
}
