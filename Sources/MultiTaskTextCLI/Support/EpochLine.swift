import Foundation

/// What is printed when an epoch ends: each task's training loss and dev score.
///
/// One line when it fits the width; else one row per task under `epoch N done`, the task
/// names aligned, each row folded if it is still too wide. With four tasks the single line
/// runs to 150 columns, which an 80-column terminal would wrap mid-word.
struct EpochLine {
  /// One task's figures for the epoch.
  struct Task: Equatable {
    /// The task's name.
    var name: String
    /// The mean training loss; nil when the task saw no example.
    var loss: Double?
    /// The dev figure's name, `accuracy` or the task's own selecting metric.
    var metric: String
    /// The dev figure, 0...1; nil without dev documents for the task.
    var development: Double?
  }

  /// The widest row; nil for one line whatever its length.
  let width: Int?

  /// The rows for epoch `epoch`.
  func render(epoch: Int, tasks: [Task]) -> [String] {
    let single = singleLine(epoch: epoch, tasks: tasks)
    guard let width, single.count > width else { return [single] }
    let nameWidth = tasks.map(\.name.count).max() ?? 0
    let folder = LineFolder(width: width)
    var rows = ["epoch \(epoch) done:"]
    for task in tasks {
      var row = "  " + task.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
      row += "  loss " + Self.loss(task.loss)
      if let development = task.development {
        row += "  dev \(task.metric) " + Self.percent(development)
      }
      rows += folder.fold(row)
    }
    return rows
  }

  /// `epoch 3 done; loss a 0.1234, b 0.5000; dev accuracy a 92.00%, b 81.00%`, each dev
  /// metric named once before the tasks it scores.
  private func singleLine(epoch: Int, tasks: [Task]) -> String {
    var line =
      "epoch \(epoch) done; loss "
      + tasks.map { "\($0.name) " + Self.loss($0.loss) }.joined(separator: ", ")
    var metrics: [String] = []
    for task in tasks where task.development != nil && !metrics.contains(task.metric) {
      metrics.append(task.metric)
    }
    for metric in metrics {
      let scored = tasks.compactMap { task in
        task.metric == metric ? task.development.map { "\(task.name) " + Self.percent($0) } : nil
      }
      line += "; dev \(metric) " + scored.joined(separator: ", ")
    }
    return line
  }

  private static func loss(_ value: Double?) -> String {
    value.map { String(format: "%.4f", $0) } ?? "-"
  }

  private static func percent(_ value: Double) -> String {
    String(format: "%.2f%%", value * 100)
  }
}
