import Foundation
import MultiTaskText

#if canImport(Glibc)
  import Glibc
#endif

/// The live line of `mtl tune`: the trial, the best dev score so far, and the time left.
final class TuneProgress: @unchecked Sendable {
  private let quiet: Bool
  private let budget: Double
  private let isTerminal = isatty(2) != 0
  private let lock = NSLock()
  private var drewLine = false

  init(quiet: Bool, budget: Double) {
    self.quiet = quiet
    self.budget = budget
  }

  func handle(_ event: Tuner.Event) {
    guard !quiet, case .trialFinished(let trial, let best, let elapsed) = event else { return }
    lock.lock()
    defer { lock.unlock() }
    let score = trial.failure == nil ? String(format: "%.4f", trial.objective) : "failed"
    let line =
      "trial \(trial.number): dev \(score) in \(String(format: "%.1f", trial.seconds)) s;"
      + " best \(String(format: "%.4f", best.objective)) (trial \(best.number));"
      + " \(Int(max(0, budget - elapsed).rounded())) s left"
    if isTerminal {
      writeToStandardError("\r\u{1B}[2K" + line, newline: false)
      drewLine = true
    } else {
      writeToStandardError(line)
    }
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drewLine { writeToStandardError("") }
    drewLine = false
  }
}
