import Foundation
import MultiTaskText

#if canImport(Glibc)
  import Glibc
#endif

/// The live line of `mtl tune`: the trial, how it ended, the kept trial so far, and the time
/// left.
final class TuneProgress: @unchecked Sendable {
  private let quiet: Bool
  private let budget: Double
  private let isTerminal = isatty(2) != 0
  private let lock = NSLock()
  /// The length of the live line drawn last, so the next one can blank what it leaves:
  /// redrawn with a carriage return and spaces, never an escape code, so `NO_COLOR` and
  /// plain terminals see no control sequences.
  private var drawnLength = 0

  init(quiet: Bool, budget: Double) {
    self.quiet = quiet
    self.budget = budget
  }

  func handle(_ event: Tuner.Event) {
    guard !quiet else { return }
    lock.lock()
    defer { lock.unlock() }
    switch event {
    case .trialFinished(let trial, let best, let elapsed):
      let kept = best.map {
        " kept so far: trial \($0.number), dev \(String(format: "%.4f", $0.objective));"
      }
      let line =
        "trial \(trial.number): \(Self.outcome(trial)) in \(String(format: "%.1f", trial.seconds)) s;"
        + (kept ?? "") + " \(Int(max(0, budget - elapsed).rounded())) s left"
      // A trial that did not end normally gets its own line, so it stays readable.
      if isTerminal && trial.isScored {
        redraw(line)
      } else {
        emit(line)
      }
    case .retraining(let trial):
      emit(
        "training trial \(trial.number) again: its model was set aside while other trials led")
    }
  }

  /// How a trial ended, in a few words.
  static func outcome(_ trial: Trial) -> String {
    switch trial.cut {
    case .budget?: return "cut by the budget"
    case .request?: return "interrupted"
    case nil:
      return trial.failure == nil ? "dev " + String(format: "%.4f", trial.objective) : "failed"
    }
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drawnLength > 0 { writeToStandardError("") }
    drawnLength = 0
  }

  private func redraw(_ line: String) {
    let blank = String(repeating: " ", count: max(0, drawnLength - line.count))
    writeToStandardError("\r" + line + blank, newline: false)
    drawnLength = line.count
  }

  private func emit(_ line: String) {
    if drawnLength > 0 {
      writeToStandardError(
        "\r" + String(repeating: " ", count: drawnLength) + "\r", newline: false)
      drawnLength = 0
    }
    writeToStandardError(line)
  }
}
