/// Lines fitted to the renderer's width after they are built: a line wider than the
/// terminal is broken at spaces, its continuation indented two more columns, so a report
/// read on 80 (or 60) columns never wraps mid-word at the terminal's edge.
extension TextReportRenderer {
  /// `lines` with every line wider than ``width`` broken at spaces.
  func fitted(_ lines: [String]) -> [String] {
    lines.flatMap { line -> [String] in
      guard Self.visibleWidth(line) > width else { return [line] }
      let indent = String(line.prefix { $0 == " " })
      let continuation = indent + "  "
      var result: [String] = []
      var current = indent
      for word in line.dropFirst(indent.count).split(
        separator: " ", omittingEmptySubsequences: false)
      {
        let piece = String(word)
        let start = current == indent || current == continuation
        let candidate = start ? current + piece : current + " " + piece
        if !start && Self.visibleWidth(candidate) > width {
          result.append(current)
          current = continuation + piece
        } else {
          current = candidate
        }
      }
      result.append(current)
      // A word wider than the line is cut rather than left to wrap.
      return result.map {
        Self.visibleWidth($0) > width ? DisplayWidth.truncate($0, to: width) : $0
      }
    }
  }

  /// The columns `line` takes on a terminal: ANSI escape sequences take none.
  static func visibleWidth(_ line: String) -> Int {
    var columns = 0
    var escaping = false
    for character in line {
      if character == "\u{1B}" {
        escaping = true
      } else if escaping {
        if character == "m" { escaping = false }
      } else {
        columns += DisplayWidth.of(character)
      }
    }
    return columns
  }
}
