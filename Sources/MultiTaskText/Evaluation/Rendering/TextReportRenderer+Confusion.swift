extension TextReportRenderer {
  /// At most this many named classes in a terminal confusion matrix; the rest are "other".
  static let confusionClassLimit = 12

  /// The confusion matrix, rows true and columns predicted, fitted to the width.
  ///
  /// Short labels head their columns directly. Otherwise columns are numbered and each row
  /// starts with its number, so the row labels double as the legend; the "other" bucket is `*`.
  /// If even that is too wide (huge counts), fewer classes are named.
  func confusionLines(_ matrix: ConfusionMatrix) -> [String] {
    var limit = Self.confusionClassLimit
    while true {
      let condensed = CondensedConfusion(matrix, limit: limit)
      for numbered in [false, true] {
        let table = confusionTable(condensed, numbered: numbered)
        if table.width() + 2 <= width || (numbered && limit <= 2) {
          return heading(condensed) + table.lines(indent: 2, colors: colors)
            + topConfusionLines(matrix, folded: condensed.hiddenClassCount > 0)
        }
      }
      limit -= 1
    }
  }

  /// How many of the largest mistakes are listed under a folded matrix.
  static let topConfusionLimit = 10

  /// The largest mistakes by name, under a matrix that folds classes into "other", where
  /// they may be hidden; nothing for a matrix that shows every class.
  private func topConfusionLines(_ matrix: ConfusionMatrix, folded: Bool) -> [String] {
    guard folded else { return [] }
    let top = matrix.topConfusions(limit: Self.topConfusionLimit)
    guard !top.isEmpty else { return [] }
    let items = top.map {
      "\(DisplayWidth.truncate(DisplayWidth.sanitized(matrix.labels[$0.truth]), to: 30)) → "
        + "\(DisplayWidth.truncate(DisplayWidth.sanitized(matrix.labels[$0.predicted]), to: 30))"
        + " ×\(ReportNumberFormat.count($0.count))"
    }
    return [""] + wrapped("top confusions (true label → predicted):", items: items, indent: 2)
  }

  private func heading(_ condensed: CondensedConfusion) -> [String] {
    var lines = ["  confusion matrix (rows: true label, columns: predicted label)"]
    if condensed.hiddenClassCount > 0 {
      lines.append("  the \(condensed.hiddenClassCount) smallest classes are folded into \"other\"")
    }
    return lines
  }

  private func confusionTable(_ condensed: CondensedConfusion, numbered: Bool) -> TextTable {
    let names = condensed.rows.map { axis -> String in
      if case .other = axis { return numbered ? "* " + axis.name : axis.name }
      return DisplayWidth.sanitized(axis.name)
    }
    let numbers = condensed.rows.indices.map { row -> String in
      if case .other = condensed.rows[row] { return "*" }
      return String(row + 1)
    }
    let columnHeaders = condensed.columns.map { column -> String in
      let row = condensed.rows.firstIndex(of: column) ?? 0
      if numbered { return numbers[row] }
      if case .other = column { return "other" }
      return DisplayWidth.sanitized(column.name)
    }
    let labelLimit = numbered ? 28 : 24
    var columns = [
      TextTable.Column(header: "true \\ predicted", alignment: .left, maximumWidth: labelLimit)
    ]
    for header in columnHeaders {
      columns.append(.init(header: header, alignment: .right, maximumWidth: numbered ? nil : 8))
    }
    columns.append(.init(header: "total", alignment: .right))
    var table = TextTable(columns: columns)
    table.gap = 1
    let totals = condensed.rowTotals
    for (row, counts) in condensed.counts.enumerated() {
      var label = names[row]
      if numbered, condensed.rows[row].index != nil {
        label = DisplayWidth.pad(numbers[row], to: 2, leading: true) + " " + label
      }
      var cells = [TextTable.Cell(text: label)]
      for (column, count) in counts.enumerated() {
        let style: ANSIStyle =
          condensed.isDiagonal(row: row, column: column) ? .good : (count == 0 ? .dim : .plain)
        cells.append(.init(text: ReportNumberFormat.count(count), style: style))
      }
      cells.append(.init(text: ReportNumberFormat.count(totals[row]), style: .dim))
      table.rows.append(cells)
    }
    return table
  }
}
