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
        }
      }
      limit -= 1
    }
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
