/// Escaping for text placed in HTML or SVG, in element content and in quoted attributes.
enum HTMLEscaping {
  /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, and control characters
  /// (invalid in HTML) by U+FFFD.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\n", "\t": result += " "
      default:
        if scalar.properties.generalCategory == .control {
          result += "\u{FFFD}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// A label cut to `columns` display columns, with the full label as a tooltip when cut.
  ///
  /// Returns SVG `<text>` content: the escaped (possibly truncated) label, plus a `<title>`
  /// child that browsers show on hover.
  static func svgLabel(_ label: String, columns: Int) -> String {
    let shown = DisplayWidth.truncate(label, to: columns)
    let title = "<title>" + escape(label) + "</title>"
    return shown == label ? title + escape(label) : title + escape(shown)
  }
}
