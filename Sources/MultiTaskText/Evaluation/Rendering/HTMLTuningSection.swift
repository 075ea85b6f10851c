/// The tuning section of the HTML report: every trial's dev score against the time it
/// finished, the best one marked, and the best settings.
struct HTMLTuningSection {
  let tuning: TuningSummary

  static let width = 560.0
  static let height = 240.0
  static let margin = 40.0

  func html() -> [String] {
    var lines = ["<section class=\"tuning\">", "<h2>Tuning</h2>"]
    lines.append(
      "<p class=\"muted\">\(tuning.trials.count) trials; best: trial \(tuning.best)."
        + " Dev score against the time each trial finished.</p>")
    lines.append(chart())
    if tuning.bestSettings.isEmpty {
      lines.append("<p>The configuration as given scored best.</p>")
    } else {
      lines.append("<p>Best settings:</p><ul>")
      for setting in tuning.bestSettings {
        lines.append("<li><code>\(HTMLEscaping.escape(setting))</code></li>")
      }
      lines.append("</ul>")
    }
    return lines + ["</section>"]
  }

  private func chart() -> String {
    let scored = tuning.trials.filter { $0.score != nil }
    let scores = scored.compactMap(\.score)
    let low = scores.min() ?? 0
    let high = max(scores.max() ?? 1, low + 1e-6)
    let end = max(tuning.trials.map(\.finishedAt).max() ?? 1, 1e-6)
    let plotWidth = Self.width - 2 * Self.margin
    let plotHeight = Self.height - 2 * Self.margin
    func x(_ seconds: Double) -> String {
      SVGNumber.format(Self.margin + plotWidth * seconds / end)
    }
    func y(_ score: Double) -> String {
      SVGNumber.format(Self.height - Self.margin - plotHeight * (score - low) / (high - low))
    }
    var parts = [
      "<svg class=\"chart\" viewBox=\"0 0 \(SVGNumber.format(Self.width))"
        + " \(SVGNumber.format(Self.height))\" role=\"img\""
        + " aria-label=\"dev score of each trial against time\">",
      "<line x1=\"\(x(0))\" y1=\"\(y(low))\" x2=\"\(x(end))\" y2=\"\(y(low))\" stroke=\"#94a3b8\"/>",
      "<line x1=\"\(x(0))\" y1=\"\(y(low))\" x2=\"\(x(0))\" y2=\"\(y(high))\" stroke=\"#94a3b8\"/>",
      "<text x=\"\(x(0))\" y=\"\(SVGNumber.format(Self.height - 10))\" font-size=\"11\">0 s</text>",
      "<text x=\"\(x(end))\" y=\"\(SVGNumber.format(Self.height - 10))\" font-size=\"11\""
        + " text-anchor=\"end\">\(SVGNumber.format(end)) s</text>",
      "<text x=\"4\" y=\"\(y(high))\" font-size=\"11\">\(ReportNumberFormat.score(high))</text>",
      "<text x=\"4\" y=\"\(y(low))\" font-size=\"11\">\(ReportNumberFormat.score(low))</text>",
    ]
    for point in scored {
      guard let score = point.score else { continue }
      let isBest = point.trial == tuning.best
      parts.append(
        "<circle cx=\"\(x(point.finishedAt))\" cy=\"\(y(score))\" r=\"\(isBest ? 5 : 2.5)\""
          + " fill=\"\(isBest ? "#dc2626" : "#2563eb")\"><title>trial \(point.trial):"
          + " \(ReportNumberFormat.score(score))</title></circle>")
    }
    return (parts + ["</svg>"]).joined(separator: "\n")
  }
}
