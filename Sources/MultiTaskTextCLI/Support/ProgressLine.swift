import Foundation
import MultiTaskText

/// The live training line, fitted to a width: what matters most is always shown, and the
/// rest is added while it fits.
///
/// Always: the percentage, the epoch, the time left and the time elapsed. Then, as room
/// allows: a bar, the throughput, the learning rate, and each task's loss, the losses first
/// to go (`…` marks the ones left out), since with four tasks they alone overflow 80 columns.
struct ProgressLine {
  /// The widest line allowed; one column less than the terminal's, so the cursor never
  /// wraps onto a new row.
  let width: Int

  /// The widest bar drawn.
  static let barWidth = 20

  /// The line for `progress`, at most ``width`` characters.
  func render(_ progress: TrainingProgress) -> String {
    let percent = String(format: "%5.1f%%", progress.fraction * 100)
    let remaining =
      progress.fraction > 0
      ? progress.elapsedSeconds * (1 - progress.fraction) / progress.fraction : 0
    let times = "ETA \(Self.duration(remaining)) elapsed \(Self.duration(progress.elapsedSeconds))"
    var line = "\(percent) epoch \(progress.epoch)/\(progress.epochs) " + times
    if line.count > width {
      line = "\(percent) \(progress.epoch)/\(progress.epochs) " + times
    }
    let room = width - line.count
    if room >= 12 {
      let bar = min(Self.barWidth, room - 3)
      let filled = Int((min(max(progress.fraction, 0), 1) * Double(bar)).rounded(.down))
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

  /// `42s`, or `3m05s` from a minute.
  static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    return whole >= 60 ? "\(whole / 60)m\(String(format: "%02d", whole % 60))s" : "\(whole)s"
  }
}
