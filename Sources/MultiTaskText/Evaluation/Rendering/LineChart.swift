/// A small SVG line chart: one coloured line per series over epochs, with ticks, axis labels,
/// a legend and a marked point (with a hover tooltip) per value.
///
/// Non-finite values (a diverged loss) are left out and break the line, rather than being
/// drawn at a made-up height.
struct LineChart {
  /// One line.
  struct Series {
    var name: String
    var color: String
    /// Values by epoch; missing epochs are gaps.
    var values: [Int: Double]
  }

  var title: String
  var yLabel: String
  var epochs: [Int]
  var series: [Series]
  /// Show y values as percentages (for accuracies).
  var percent = false
  /// The epoch whose parameters were kept, marked with a dashed line.
  var keptEpoch: Int?
  /// The values the series can take (0...1 for scores); the axis stays within them and
  /// zooms to the data rather than starting at 0.
  var bounds: ClosedRange<Double>?

  private let width = 560.0
  private let height = 300.0
  private let left = 66.0
  private let right = 18.0
  private let bottom = 46.0

  /// The `<svg class="curve">` element.
  func svg() -> String {
    let top = 56.0 + legendHeight - 18
    let values = series.flatMap { $0.values.values }.filter(\.isFinite)
    let zoomed = percent || bounds != nil
    let yScale = ChartScale(
      minimum: zoomed ? (values.min() ?? 0) : min(0, values.min() ?? 0),
      maximum: values.max() ?? 1, bounds: bounds ?? -Double.infinity...Double.infinity)
    let first = Double(epochs.min() ?? 1)
    let last = Double(epochs.max() ?? 1)
    func x(_ epoch: Double) -> Double {
      last > first
        ? left + (epoch - first) / (last - first) * (width - left - right)
        : (left + width - right) / 2
    }
    func y(_ value: Double) -> Double { yScale.position(value, from: height - bottom, to: top) }
    var parts = [
      "<svg class=\"curve\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
        + "width=\"\(Int(width))\" height=\"\(Int(height))\">",
      "<title>\(HTMLEscaping.escape(title))</title>",
      "<text class=\"chart-title\" x=\"\(Int(left))\" y=\"16\">\(HTMLEscaping.escape(title))</text>",
    ]
    for tick in yScale.ticks {
      let position = SVGNumber.format(y(tick))
      let label =
        percent
        ? ReportNumberFormat.decimal(tick * 100, digits: max(0, yScale.decimals - 2)) + "%"
        : ReportNumberFormat.decimal(tick, digits: yScale.decimals)
      parts.append(
        "<line class=\"grid\" x1=\"\(Int(left))\" x2=\"\(Int(width - right))\" y1=\"\(position)\" y2=\"\(position)\"/>"
      )
      parts.append(
        "<text class=\"tick\" x=\"\(Int(left - 8))\" y=\"\(position)\" dy=\"4\" text-anchor=\"end\">\(label)</text>"
      )
    }
    let tickEvery = max(1, (epochs.count + 9) / 10)
    for (index, epoch) in epochs.sorted().enumerated() where index % tickEvery == 0 {
      let position = SVGNumber.format(x(Double(epoch)))
      parts.append(
        "<line class=\"axis\" x1=\"\(position)\" x2=\"\(position)\" y1=\"\(SVGNumber.format(height - bottom))\" "
          + "y2=\"\(SVGNumber.format(height - bottom + 5))\"/>")
      parts.append(
        "<text class=\"tick\" x=\"\(position)\" y=\"\(SVGNumber.format(height - bottom + 18))\" "
          + "text-anchor=\"middle\">\(epoch)</text>")
    }
    parts.append(
      "<line class=\"axis\" x1=\"\(Int(left))\" x2=\"\(Int(width - right))\" y1=\"\(SVGNumber.format(height - bottom))\" "
        + "y2=\"\(SVGNumber.format(height - bottom))\"/>")
    parts.append(
      "<text class=\"axis-title\" x=\"\(SVGNumber.format((left + width - right) / 2))\" "
        + "y=\"\(SVGNumber.format(height - 8))\" text-anchor=\"middle\">epoch</text>")
    parts.append(
      "<text class=\"axis-title\" transform=\"translate(14 \(SVGNumber.format((top + height - bottom) / 2))) "
        + "rotate(-90)\" text-anchor=\"middle\">\(HTMLEscaping.escape(yLabel))</text>")
    if let keptEpoch, epochs.contains(keptEpoch) {
      let position = SVGNumber.format(x(Double(keptEpoch)))
      parts.append(
        "<line class=\"kept\" x1=\"\(position)\" x2=\"\(position)\" y1=\"\(SVGNumber.format(top))\" "
          + "y2=\"\(SVGNumber.format(height - bottom))\"/>")
      parts.append(
        "<text class=\"kept-label\" x=\"\(position)\" y=\"\(SVGNumber.format(top - 4))\" "
          + "text-anchor=\"middle\">kept</text>")
    }
    for line in series {
      parts += lineParts(line, x: { x(Double($0)) }, y: y)
    }
    parts += legend()
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }

  private func lineParts(_ line: Series, x: (Int) -> Double, y: (Double) -> Double) -> [String] {
    var path = ""
    var drawing = false
    var points: [String] = []
    for epoch in epochs.sorted() {
      guard let value = line.values[epoch], value.isFinite else {
        drawing = false
        continue
      }
      let px = SVGNumber.format(x(epoch))
      let py = SVGNumber.format(y(value))
      path += (drawing ? " L" : " M") + "\(px) \(py)"
      drawing = true
      let shown =
        percent ? ReportNumberFormat.percent(value) : ReportNumberFormat.decimal(value, digits: 4)
      points.append(
        "<circle class=\"point\" cx=\"\(px)\" cy=\"\(py)\" r=\"3.5\" stroke=\"\(line.color)\">"
          + "<title>\(HTMLEscaping.escape(line.name)), epoch \(epoch): \(shown)</title></circle>")
    }
    guard !path.isEmpty else { return [] }
    return ["<path class=\"line\" d=\"\(path.dropFirst())\" stroke=\"\(line.color)\"/>"] + points
  }

  /// Legend entries flow left to right and wrap to new rows.
  private var legendRows: [[(Series, Double)]] {
    var rows: [[(Series, Double)]] = [[]]
    var cursor = left
    for line in series {
      // Spaced for the 17-unit legend text of a phone's style (see HTMLStyleSheet), so the
      // entries never overlap when the chart is scaled down and its text enlarged.
      let entryWidth = 34 + Double(min(24, DisplayWidth.of(line.name))) * 9.6 + 14
      if cursor + entryWidth > width - right, !(rows.last ?? []).isEmpty {
        rows.append([])
        cursor = left
      }
      rows[rows.count - 1].append((line, cursor))
      cursor += entryWidth
    }
    return rows
  }

  private var legendHeight: Double { Double(legendRows.count) * 22 }

  private func legend() -> [String] {
    legendRows.enumerated().flatMap { row, entries in
      entries.map { line, x in
        let y = 40 + Double(row) * 22
        return
          "<g class=\"legend\"><line x1=\"\(SVGNumber.format(x))\" x2=\"\(SVGNumber.format(x + 22))\" "
          + "y1=\"\(SVGNumber.format(y - 4))\" y2=\"\(SVGNumber.format(y - 4))\" stroke=\"\(line.color)\"/>"
          + "<circle class=\"point\" cx=\"\(SVGNumber.format(x + 11))\" cy=\"\(SVGNumber.format(y - 4))\" r=\"3.5\" "
          + "stroke=\"\(line.color)\"/><text x=\"\(SVGNumber.format(x + 28))\" y=\"\(SVGNumber.format(y))\">"
          + "\(HTMLEscaping.svgLabel(line.name, columns: 24))</text></g>"
      }
    }
  }
}
