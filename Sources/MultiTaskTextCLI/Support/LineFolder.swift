/// Folds a line of text to a terminal's width at its spaces, so that no printed line wraps
/// mid-word or overflows: continuation rows are indented two columns more than the first.
///
/// Nothing is cut: a word wider than a row (a long path) is split across rows.
struct LineFolder {
  /// The widest row allowed; nil leaves every line as it is (standard error is a file or a
  /// pipe, where one line per event is easier to search).
  let width: Int?

  /// How much further continuation rows are indented than the first.
  static let continuationIndent = 2

  /// `line` as rows of at most ``width`` characters.
  func fold(_ line: String) -> [String] {
    guard let width, line.count > width else { return [line] }
    let leading = String(line.prefix { $0 == " " })
    var indent = leading + String(repeating: " ", count: Self.continuationIndent)
    // Too narrow for the indent: continuation rows start at the first column.
    if indent.count >= width { indent = "" }
    var rows: [String] = []
    var row = leading.count >= width ? "" : leading
    var rowHasWords = false
    for word in line.split(separator: " ") {
      var word = word
      if rowHasWords {
        if row.count + 1 + word.count <= width {
          row += " " + word
          continue
        }
        rows.append(row)
        row = indent
      }
      while row.count + word.count > width {
        let room = width - row.count
        rows.append(row + word.prefix(room))
        word = word.dropFirst(room)
        row = indent
      }
      row += word
      rowHasWords = true
    }
    if rowHasWords { rows.append(row) }
    return rows
  }
}
