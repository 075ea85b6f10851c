/// The tuning chart: each scored trial's dev score against the time it finished, with the
/// band of scores within one standard error of the top shaded, the kept trial ringed and
/// labelled, and axes that stay within the data (a score never runs past 1).
struct TuningScatter {
  let tuning: TuningSummary

  private let width = 560.0
  private let height = 300.0
  private let left = 78.0
  private let right = 18.0
  private let top = 30.0
  private let bottom = 46.0

  func svg() -> String {
    let scored = tuning.trials.filter { $0.score != nil }
    let scores = scored.compactMap(\.score)
    let floor = tuning.topScore.flatMap { top in tuning.standardError.map { top - $0 } }
    let yScale = ChartScale(
      minimum: min(scores.min() ?? 0, floor ?? 1), maximum: scores.max() ?? 1, bounds: 0...1)
    let end = max(tuning.trials.map(\.finishedAt).max() ?? 1, 1e-6)
    let xScale = ChartScale(minimum: 0, maximum: end, bounds: 0...end)
    func x(_ seconds: Double) -> Double { xScale.position(seconds, from: left, to: width - right) }
    func y(_ score: Double) -> Double { yScale.position(score, from: height - bottom, to: top) }
    var parts = [
      "<svg class=\"curve tuning\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""
        + " viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\""
        + " height=\"\(Int(height))\">",
      "<title>Dev score of each trial against the time it finished</title>",
    ]
    if let topScore = tuning.topScore, let floor {
      let upper = y(topScore)
      let lower = y(max(floor, yScale.lower))
      parts.append(
        "<rect class=\"band\" x=\"\(Int(left))\" y=\"\(SVGNumber.format(upper))\""
          + " width=\"\(Int(width - left - right))\" height=\"\(SVGNumber.format(lower - upper))\"/>"
      )
      parts.append(
        "<text class=\"band-label\" x=\"\(SVGNumber.format(width - right - 4))\""
          + " y=\"\(SVGNumber.format(upper - 4))\" text-anchor=\"end\">"
          + "within one standard error of the top</text>")
    }
    parts += axes(xScale: xScale, yScale: yScale, x: x, y: y)
    for point in scored where point.trial != tuning.best {
      guard let score = point.score else { continue }
      parts.append(
        "<circle class=\"trial\" cx=\"\(SVGNumber.format(x(point.finishedAt)))\""
          + " cy=\"\(SVGNumber.format(y(score)))\" r=\"3.5\"><title>trial \(point.trial):"
          + " \(TuningExplanation.score(score))</title></circle>")
    }
    if let kept = scored.first(where: { $0.trial == tuning.best }), let score = kept.score {
      let cx = SVGNumber.format(x(kept.finishedAt))
      let cy = SVGNumber.format(y(score))
      let anchor = x(kept.finishedAt) > (left + width - right) / 2 ? "end" : "start"
      let offset = anchor == "end" ? -10.0 : 10.0
      parts.append(
        "<circle class=\"kept\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"7\"><title>trial \(kept.trial),"
          + " kept: \(TuningExplanation.score(score))</title></circle>")
      parts.append(
        "<text class=\"kept-label\" x=\"\(SVGNumber.format(x(kept.finishedAt) + offset))\""
          + " y=\"\(SVGNumber.format(y(score) + 18))\" text-anchor=\"\(anchor)\">kept:"
          + " trial \(kept.trial)</text>")
    }
    return (parts + ["</svg>"]).joined(separator: "\n")
  }

  private func axes(
    xScale: ChartScale, yScale: ChartScale, x: (Double) -> Double, y: (Double) -> Double
  ) -> [String] {
    var parts: [String] = []
    for tick in yScale.ticks {
      let position = SVGNumber.format(y(tick))
      parts.append(
        "<line class=\"grid\" x1=\"\(Int(left))\" x2=\"\(Int(width - right))\" y1=\"\(position)\""
          + " y2=\"\(position)\"/>")
      parts.append(
        "<text class=\"tick\" x=\"\(Int(left - 8))\" y=\"\(position)\" dy=\"4\""
          + " text-anchor=\"end\">\(ReportNumberFormat.decimal(tick, digits: yScale.decimals))</text>"
      )
    }
    let baseline = SVGNumber.format(height - bottom)
    for tick in xScale.ticks {
      let position = SVGNumber.format(x(tick))
      parts.append(
        "<text class=\"tick\" x=\"\(position)\" y=\"\(SVGNumber.format(height - bottom + 18))\""
          + " text-anchor=\"middle\">\(ReportNumberFormat.decimal(tick, digits: xScale.decimals))"
          + "</text>")
    }
    parts.append(
      "<line class=\"axis\" x1=\"\(Int(left))\" x2=\"\(Int(width - right))\" y1=\"\(baseline)\""
        + " y2=\"\(baseline)\"/>")
    parts.append(
      "<text class=\"axis-title\" x=\"\(SVGNumber.format((left + width - right) / 2))\""
        + " y=\"\(SVGNumber.format(height - 8))\" text-anchor=\"middle\">seconds</text>")
    parts.append(
      "<text class=\"axis-title\" transform=\"translate(14 \(SVGNumber.format((top + height - bottom) / 2)))"
        + " rotate(-90)\" text-anchor=\"middle\">dev score</text>")
    return parts
  }
}
