import Foundation
import MultiTaskText

#if canImport(Glibc)
  import Glibc
#endif

/// Shows training progress on standard error: one line redrawn in place on a terminal, or a
/// plain line every few seconds when standard error is a file or a pipe (CI, logs).
///
/// Every other line is folded to the terminal's width, and nothing it writes carries an
/// escape code: the live line is redrawn with a carriage return and spaces, which works on
/// any terminal and leaves nothing for `NO_COLOR` to remove.
final class ProgressReporter: @unchecked Sendable {
  private let quiet: Bool
  private let isTerminal: Bool
  private let lock = NSLock()
  private var lastPlainLine = Date.distantPast
  /// The length of the live line on screen; 0 when none is.
  private var drawnLength = 0
  /// The live line, fitted to standard error's terminal.
  private let line: ProgressLine
  /// Folds the other lines to the terminal's width.
  private let folder: LineFolder
  /// The trainings of the run, and the one under way (0 before the first).
  private var trainings = 1
  private var training = 0
  private var runStart: Date?
  private var leastEpochsPerTraining: Int?

  init(quiet: Bool) {
    self.quiet = quiet
    isTerminal = isatty(2) != 0
    line = ProgressLine(width: (TerminalWidth.columns(of: 2) ?? TerminalWidth.standard) - 1)
    folder = LineFolder(width: TerminalWidth.folding(2))
  }

  /// Renders what the pipeline reports: the trainer's events, and the choice of automatic
  /// character n-grams with the second training it takes.
  func handle(_ event: PipelineEvent) {
    switch event {
    case .trainingsPlanned(let count):
      lock.lock()
      trainings = max(1, count)
      lock.unlock()
    case .training(let event):
      handle(event)
    case .tryingCharacterNgrams(let minimum, let maximum):
      note(
        "small corpus: training again with character \(minimum)–\(maximum)-grams,"
          + " to keep them only if dev prefers them (features.minn and maxn fix this)")
    case .choseCharacterNgrams(let choice):
      note(choice.description)
    default:
      break
    }
  }

  func handle(_ event: TrainingEvent) {
    guard !quiet else { return }
    lock.lock()
    defer { lock.unlock() }
    switch event {
    case .started(let documents, let tokens, let vocabulary, let labels):
      training += 1
      if runStart == nil { runStart = Date() }
      // A second training reads nothing new; the note before it says why it runs.
      guard training == 1 else { return }
      let number = ReportNumberFormat.count
      emitLine(
        "read \(number(documents)) documents, \(number(tokens)) tokens; vocabulary "
          + "\(number(vocabulary)) words; "
          + labels.present.map { "\($0.task) \(number($0.value)) labels" }.joined(
            separator: ", "))
    case .progress(let progress):
      show(progress)
    case .epochFinished(let summary):
      for row in EpochLine(width: folder.width).render(
        epoch: summary.epoch, tasks: Self.figures(of: summary))
      {
        emitRow(row)
      }
    case .keptEpoch(let epoch):
      emitLine("kept epoch \(epoch), the best on dev")
    case .pretrainedVectors(let words):
      emitLine(
        "pretrained vectors start \(ReportNumberFormat.count(words)) embedding rows")
    case .heldOut(let documents):
      // The second training holds out the very same documents.
      guard training <= 1 else { return }
      emitLine(
        "no dev file: held out \(ReportNumberFormat.count(documents)) training documents to"
          + " choose the number of epochs")
    case .stoppedEarly(let epoch, let bestEpoch):
      emitLine("stopped after epoch \(epoch): no better on dev since epoch \(bestEpoch)")
    case .taskStopped(let task, let epoch, let kept):
      emitLine(
        "stopped task \(task) after epoch \(epoch): no better on dev since epoch "
          + "\(kept), whose head it keeps")
    }
  }

  /// Each task's figures for the epoch line. The dev figure's name is a parameter of
  /// ``EpochLine/Task``, so a task judged by another metric can be named as such.
  static func figures(of summary: EpochSummary) -> [EpochLine.Task] {
    // The dev score that selects the kept epoch, named by its metric: a multi-label task is
    // selected on macro-F1, and its accuracy (subset accuracy) would mislead.
    zip(summary.loss.tasks, summary.loss.values).map { task, loss in
      EpochLine.Task(
        name: task, loss: loss, metric: "\(summary.devMetric[task] ?? .accuracy)",
        development: summary.devScore[task])
    }
  }

  /// Prints one line between progress lines, folded to the width, unless quiet.
  func note(_ line: String) {
    guard !quiet else { return }
    lock.lock()
    defer { lock.unlock() }
    emitLine(line)
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drawnLength > 0 { writeToStandardError("") }
    drawnLength = 0
  }

  private func show(_ progress: TrainingProgress) {
    if progress.epoch == 1, leastEpochsPerTraining == nil {
      leastEpochsPerTraining = progress.earliestLastEpoch
    }
    let run = RunProgress(
      current: progress, training: max(1, training), trainings: max(trainings, training),
      elapsedSeconds: runStart.map { Date().timeIntervalSince($0) } ?? progress.elapsedSeconds,
      leastEpochsPerTraining: leastEpochsPerTraining)
    let text = line.render(run)
    if isTerminal {
      let blank = String(repeating: " ", count: max(0, drawnLength - text.count))
      writeToStandardError("\r" + text + blank, newline: false)
      drawnLength = text.count
    } else if Date().timeIntervalSince(lastPlainLine) >= 5 {
      lastPlainLine = Date()
      writeToStandardError(text)
    }
  }

  /// Prints `line` folded to the width, first clearing the live line.
  private func emitLine(_ line: String) {
    for row in folder.fold(line) { emitRow(row) }
  }

  /// Prints one row that already fits, first clearing the live line.
  private func emitRow(_ row: String) {
    if drawnLength > 0 {
      writeToStandardError(
        "\r" + String(repeating: " ", count: drawnLength) + "\r", newline: false)
    }
    drawnLength = 0
    writeToStandardError(row)
  }
}
