/// A confusion matrix drawn as an SVG heat map: rows are true labels, columns predictions.
///
/// Cells are shaded by their share of the row (the recall view: where did this class's
/// examples go?), blue on the diagonal and red off it, so a confusion stands out whatever the
/// class sizes. Each cell shows its count and row percentage, with a hover tooltip. Sizes adapt
/// from 2 to 20 classes: cells shrink and column labels rotate when there are many. Long labels
/// are truncated; their `<title>` holds the full text.
struct ConfusionHeatMap {
  /// At most this many named classes; smaller ones are folded into "other".
  static let classLimit = 20

  let matrix: CondensedConfusion

  init(_ confusion: ConfusionMatrix) {
    matrix = CondensedConfusion(confusion, limit: Self.classLimit)
  }

  /// The `<svg class="confusion">` element.
  func svg() -> String {
    let layout = Layout(matrix)
    var parts: [String] = []
    parts.append(
      "<svg class=\"confusion\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
        + "viewBox=\"0 0 \(SVGNumber.format(layout.width)) \(SVGNumber.format(layout.height))\" "
        + "width=\"\(SVGNumber.format(layout.width))\" height=\"\(SVGNumber.format(layout.height))\">"
    )
    parts.append("<title>Confusion matrix: rows are true labels, columns predicted labels</title>")
    parts += axisTitles(layout) + columnLabels(layout) + rowLabels(layout) + cells(layout)
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }

  private func axisTitles(_ layout: Layout) -> [String] {
    let middleX = layout.left + Double(matrix.columns.count) * layout.cell / 2
    let middleY = layout.top + Double(matrix.rows.count) * layout.cell / 2
    return [
      "<text class=\"axis-title\" x=\"\(SVGNumber.format(middleX))\" y=\"16\" "
        + "text-anchor=\"middle\">predicted</text>",
      "<text class=\"axis-title\" transform=\"translate(16 \(SVGNumber.format(middleY))) rotate(-90)\" "
        + "text-anchor=\"middle\">true</text>",
      "<text class=\"axis-note\" x=\"\(SVGNumber.format(layout.left + Double(matrix.columns.count) * layout.cell + 8))\" "
        + "y=\"\(SVGNumber.format(layout.top - 8))\">n</text>",
    ]
  }

  private func columnLabels(_ layout: Layout) -> [String] {
    matrix.columns.enumerated().map { index, axis in
      let x = layout.left + (Double(index) + 0.5) * layout.cell
      let y = layout.top - 8
      let text = HTMLEscaping.svgLabel(Self.shortName(axis), columns: Layout.columnLabelColumns)
      if layout.rotated {
        return
          "<text class=\"label\" transform=\"translate(\(SVGNumber.format(x - 4)) \(SVGNumber.format(y))) "
          + "rotate(-45)\">\(text)</text>"
      }
      return "<text class=\"label\" x=\"\(SVGNumber.format(x))\" y=\"\(SVGNumber.format(y))\" "
        + "text-anchor=\"middle\">\(text)</text>"
    }
  }

  private func rowLabels(_ layout: Layout) -> [String] {
    let totals = matrix.rowTotals
    let rightX = layout.left + Double(matrix.columns.count) * layout.cell
    return matrix.rows.enumerated().flatMap { index, axis in
      let y = layout.top + (Double(index) + 0.5) * layout.cell + 4
      let unseen = axis.index != nil && !matrix.columns.contains(axis) ? " unseen" : ""
      return [
        "<text class=\"label\(unseen)\" x=\"\(SVGNumber.format(layout.left - 8))\" y=\"\(SVGNumber.format(y))\" "
          + "text-anchor=\"end\">\(HTMLEscaping.svgLabel(axis.name, columns: Layout.rowLabelColumns))</text>",
        "<text class=\"total\" x=\"\(SVGNumber.format(rightX + 8))\" y=\"\(SVGNumber.format(y))\">"
          + "\(ReportNumberFormat.count(totals[index]))</text>",
      ]
    }
  }

  private func cells(_ layout: Layout) -> [String] {
    let totals = matrix.rowTotals
    var parts: [String] = []
    for (row, counts) in matrix.counts.enumerated() {
      for (column, count) in counts.enumerated() {
        let share = totals[row] > 0 ? Double(count) / Double(totals[row]) : 0
        let diagonal = matrix.isDiagonal(row: row, column: column)
        let x = layout.left + Double(column) * layout.cell
        let y = layout.top + Double(row) * layout.cell
        let tooltip =
          "true \(matrix.rows[row].name) → predicted \(matrix.columns[column].name): "
          + "\(ReportNumberFormat.count(count)) of \(ReportNumberFormat.count(totals[row])) (\(Self.percent(share)))"
        let fill = HeatMapColor.fill(share: share, diagonal: diagonal)
        let ink =
          count == 0 ? "zero" : (HeatMapColor.wantsLightText(fill: fill) ? "ink-light" : "ink-dark")
        parts.append(
          "<g class=\"cell \(ink)\"><rect x=\"\(SVGNumber.format(x))\" y=\"\(SVGNumber.format(y))\" "
            + "width=\"\(SVGNumber.format(layout.cell - 2))\" height=\"\(SVGNumber.format(layout.cell - 2))\" "
            + "rx=\"3\" fill=\"\(fill)\"><title>\(HTMLEscaping.escape(tooltip))</title></rect>")
        let centerX = SVGNumber.format(x + (layout.cell - 2) / 2)
        parts.append(
          "<text class=\"count\" x=\"\(centerX)\" y=\"\(SVGNumber.format(y + layout.cell * 0.45))\" "
            + "text-anchor=\"middle\" font-size=\"\(SVGNumber.format(layout.countFont))\">"
            + "\(ReportNumberFormat.count(count))</text>")
        // An empty cell shows only its faint 0: a grid of "0%" would bury the confusions.
        let shareText = count == 0 ? "" : Self.percent(share)
        parts.append(
          "<text class=\"share\" x=\"\(centerX)\" y=\"\(SVGNumber.format(y + layout.cell * 0.45 + layout.shareFont + 2))\" "
            + "text-anchor=\"middle\" font-size=\"\(SVGNumber.format(layout.shareFont))\">"
            + "\(shareText)</text></g>")
      }
    }
    return parts
  }

  /// `0.873` → `87%`, `0.042` → `4.2%`: two significant digits is all a cell has room for.
  static func percent(_ share: Double) -> String {
    guard share > 0 else { return "0%" }
    if share >= 0.0995 { return "\(Int((share * 100).rounded()))%" }
    return ReportNumberFormat.decimal(share * 100, digits: 1) + "%"
  }

  static func shortName(_ axis: CondensedConfusion.Axis) -> String {
    if case .other = axis { return "other" }
    return axis.name
  }
}
