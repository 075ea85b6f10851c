import Foundation
import MultiTaskText

#if canImport(Glibc)
  import Glibc
#endif

/// Shows training progress on standard error: one line redrawn in place on a terminal, or a
/// plain line every few seconds when standard error is a file or a pipe (CI, logs).
final class ProgressReporter: @unchecked Sendable {
  private let quiet: Bool
  private let isTerminal: Bool
  private let lock = NSLock()
  private var lastPlainLine = Date.distantPast
  private var drewLine = false

  init(quiet: Bool) {
    self.quiet = quiet
    isTerminal = isatty(2) != 0
    line = ProgressLine(width: (TerminalWidth.columns(of: 2) ?? TerminalWidth.standard) - 1)
  }

  /// The live line, fitted to standard error's terminal.
  private let line: ProgressLine

  func handle(_ event: TrainingEvent) {
    guard !quiet else { return }
    lock.lock()
    defer { lock.unlock() }
    switch event {
    case .started(let documents, let tokens, let vocabulary, let labels):
      emitLine(
        "read \(documents) documents, \(tokens) tokens; vocabulary \(vocabulary) words; "
          + labels.present.map { "\($0.task) \($0.value) labels" }.joined(separator: ", "))
    case .progress(let progress):
      let line = self.line.render(progress)
      if isTerminal {
        writeToStandardError("\r\u{1B}[2K" + line, newline: false)
        drewLine = true
      } else if Date().timeIntervalSince(lastPlainLine) >= 5 {
        lastPlainLine = Date()
        writeToStandardError(line)
      }
    case .epochFinished(let summary):
      var line = "epoch \(summary.epoch) done; loss " + lossText(summary.loss)
      // The dev score that selects the kept epoch, named by its metric: a multi-label task
      // is selected on macro-F1, and its accuracy (subset accuracy) would mislead.
      let metrics = summary.devMetric.present.filter { summary.devScore[$0.task] != nil }
      let shared = Set(metrics.map(\.value.description)).count == 1 ? metrics.first?.value : nil
      let dev = summary.devScore.present.map { task, value in
        let metric = summary.devMetric[task] ?? .accuracy
        let shown =
          metric == .accuracy
          ? String(format: "%.2f%%", value * 100) : String(format: "%.4f", value)
        return shared == nil ? "\(task) \(metric) \(shown)" : "\(task) \(shown)"
      }
      if !dev.isEmpty {
        line += "; dev " + (shared.map { "\($0) " } ?? "") + dev.joined(separator: ", ")
      }
      emitLine(line)
    case .keptEpoch(let epoch):
      emitLine("kept epoch \(epoch), the best on dev")
    case .pretrainedVectors(let words):
      emitLine("pretrained vectors start the rows of \(words) vocabulary words")
    case .heldOut(let documents):
      emitLine(
        "no dev file: held out \(documents) training documents to choose the number of epochs")
    case .stoppedEarly(let epoch, let bestEpoch):
      emitLine("stopped after epoch \(epoch): no better on dev since epoch \(bestEpoch)")
    case .taskStopped(let task, let epoch, let kept):
      emitLine(
        "stopped task \(task) after epoch \(epoch): no better on dev since epoch "
          + "\(kept), whose head it keeps")
    }
  }

  /// Prints one line between progress lines, unless quiet.
  func note(_ line: String) {
    guard !quiet else { return }
    lock.lock()
    defer { lock.unlock() }
    emitLine(line)
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drewLine { writeToStandardError("") }
    drewLine = false
  }

  private func emitLine(_ line: String) {
    if drewLine { writeToStandardError("\r\u{1B}[2K", newline: false) }
    drewLine = false
    writeToStandardError(line)
  }

  private func lossText(_ losses: TaskValues<Double>) -> String {
    zip(losses.tasks, losses.values).map { name, loss in
      "\(name) " + (loss.map { String(format: "%.4f", $0) } ?? "-")
    }.joined(separator: ", ")
  }

}
