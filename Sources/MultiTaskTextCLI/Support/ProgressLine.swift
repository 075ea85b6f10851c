import Foundation
import MultiTaskText

/// The live training line, fitted to a width: what matters most is always shown, and the
/// rest is added while it fits.
///
/// Always: where the run is (percentage and epoch, or with automatic epochs the epoch and
/// the range it may end in), the time left and the time elapsed. Then, as room allows: a bar
/// (only when the total is known), the throughput, the learning rate, and each task's loss,
/// the losses first to go (`…` marks the ones left out), since with four tasks they alone
/// overflow 80 columns.
struct ProgressLine {
  /// The widest line allowed; one column less than the terminal's, so the cursor never
  /// wraps onto a new row.
  let width: Int

  /// The widest bar drawn.
  static let barWidth = 20

  /// The line for `run`, at most ``width`` characters.
  func render(_ run: RunProgress) -> String {
    let progress = run.current
    let verbose = essentials(run, compact: false)
    var line = verbose.count <= width ? verbose : essentials(run, compact: true)
    let room = width - line.count
    if let fraction = run.fraction, room >= 12 {
      let bar = min(Self.barWidth, room - 3)
      let filled = Int((fraction * Double(bar)).rounded(.down))
      line =
        "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: bar - filled)
        + "] " + line
    }
    let optional = [
      String(format: " %.0fk tokens/s", progress.tokensPerSecond / 1000),
      String(format: " lr %.4f", progress.learningRate),
    ]
    for piece in optional where line.count + piece.count <= width { line += piece }
    let losses = zip(progress.averageLoss.tasks, progress.averageLoss.values).map { name, loss in
      "\(name) " + (loss.map { String(format: "%.4f", $0) } ?? "-")
    }
    guard !losses.isEmpty else { return String(line.prefix(width)) }
    var added = 0
    var tail = " loss"
    for loss in losses {
      let piece = (added == 0 ? " " : ", ") + loss
      let more = added + 1 < losses.count ? 2 : 0
      if line.count + tail.count + piece.count + more > width { break }
      tail += piece
      added += 1
    }
    if added > 0 {
      line += tail + (added < losses.count ? " …" : "")
    }
    return String(line.prefix(width))
  }

  /// Where the run is and the times, in words or in figures only.
  private func essentials(_ run: RunProgress, compact: Bool) -> String {
    let progress = run.current
    var position: String
    if let earliest = progress.earliestLastEpoch {
      let range = earliest < progress.epochs ? "\(earliest)–\(progress.epochs)" : "\(earliest)"
      position = (compact ? "" : "epoch ") + "\(progress.epoch) of \(range)"
    } else {
      position = (compact ? "" : "epoch ") + "\(progress.epoch)/\(progress.epochs)"
    }
    if run.trainings > 1 {
      position +=
        compact
        ? " (\(run.training)/\(run.trainings))" : ", training \(run.training)/\(run.trainings)"
    }

    if let fraction = run.fraction {
      position = String(format: "%5.1f%% ", fraction * 100) + position
    }
    var times = ""
    if let remaining = run.remainingSeconds {
      let left = Self.duration(remaining)
      if run.remainingIsLowerBound {
        times = compact ? " ≥\(left) left" : " at least \(left) left"
      } else {
        times = " ETA \(left)"
      }
    }
    return position + times + " elapsed \(Self.duration(run.elapsedSeconds))"
  }

  /// `42s`, or `3m05s` from a minute.
  static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    return whole >= 60 ? "\(whole / 60)m\(String(format: "%02d", whole % 60))s" : "\(whole)s"
  }
}
