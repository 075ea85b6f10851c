/// A plain-text table with aligned columns, measured in display columns so CJK labels line up.
struct TextTable {
  /// Which side of its column a cell hugs.
  enum Alignment { case left, right }

  /// One column's header, alignment and optional width cap (longer text is truncated with …).
  struct Column {
    var header: String
    var alignment: Alignment
    var maximumWidth: Int? = nil
  }

  /// One cell: its text and how to colour it.
  struct Cell {
    var text: String
    var style: ANSIStyle = .plain
  }

  var columns: [Column]
  var rows: [[Cell]] = []
  /// Spaces between columns.
  var gap = 2

  /// Appends a row of unstyled cells.
  mutating func append(_ texts: [String]) { rows.append(texts.map { Cell(text: $0) }) }

  /// The rendered lines: header, a rule, then the rows; trailing spaces trimmed.
  func lines(indent: Int, colors: Bool) -> [String] {
    let cells = rows.map { row in
      row.enumerated().map { index, cell in
        Cell(text: fitted(DisplayWidth.sanitized(cell.text), column: index), style: cell.style)
      }
    }
    let widths = columns.indices.map { index in
      cells.reduce(DisplayWidth.of(fitted(columns[index].header, column: index))) {
        max($0, index < $1.count ? DisplayWidth.of($1[index].text) : 0)
      }
    }
    let header = columns.enumerated().map { index, column in
      Cell(text: fitted(column.header, column: index), style: .bold)
    }
    let rule = widths.map { Cell(text: String(repeating: "─", count: $0), style: .dim) }
    return ([header, rule] + cells).map {
      line(of: $0, widths: widths, indent: indent, colors: colors)
    }
  }

  /// The width of every rendered line, without indentation.
  func width() -> Int {
    lines(indent: 0, colors: false).map(DisplayWidth.of).max() ?? 0
  }

  private func fitted(_ text: String, column: Int) -> String {
    guard column < columns.count, let limit = columns[column].maximumWidth else { return text }
    return DisplayWidth.truncate(text, to: limit)
  }

  private func line(of cells: [Cell], widths: [Int], indent: Int, colors: Bool) -> String {
    var parts: [String] = []
    for (index, cell) in cells.enumerated() where index < widths.count {
      let leading = columns[index].alignment == .right
      let padded = DisplayWidth.pad(cell.text, to: widths[index], leading: leading)
      parts.append(cell.style.apply(padded, enabled: colors))
    }
    let text =
      String(repeating: " ", count: indent)
      + parts.joined(separator: String(repeating: " ", count: gap))
    return colors ? text : String(text.reversed().drop { $0 == " " }.reversed())
  }
}
