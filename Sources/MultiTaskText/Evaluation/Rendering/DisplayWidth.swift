/// How many terminal columns text occupies, and how to fit it into fewer.
///
/// Terminals draw East Asian wide characters (CJK ideographs, kana, Hangul, full-width forms)
/// and emoji in two columns, so counting `Character`s would misalign any table holding Chinese
/// labels. This is a deliberately simple range check, not a full UAX #11 implementation:
/// ambiguous-width characters count as one column, which is what most terminals do.
enum DisplayWidth {
  /// The columns `text` occupies in a terminal.
  static func of(_ text: String) -> Int {
    text.reduce(0) { $0 + of($1) }
  }

  /// The columns one grapheme cluster occupies: 0, 1 or 2.
  static func of(_ character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    if isZeroWidth(first) { return 0 }
    if isWide(first.value) || first.properties.isEmojiPresentation { return 2 }
    // A text-style symbol followed by the emoji variation selector is drawn as emoji.
    if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    return 1
  }

  /// `text` cut to at most `width` columns, ending in `…` when anything was cut.
  static func truncate(_ text: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    guard of(text) > width else { return text }
    var result = ""
    var used = 0
    for character in text {
      let columns = of(character)
      if used + columns > width - 1 { break }
      result.append(character)
      used += columns
    }
    return result + "…"
  }

  /// `text` padded with spaces to `width` columns, on the right (`leading: false`) or left.
  static func pad(_ text: String, to width: Int, leading: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - of(text)))
    return leading ? padding + text : text + padding
  }

  /// Control characters replaced, so a label cannot move the cursor or inject ANSI escapes.
  static func sanitized(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.properties.generalCategory == .control {
        result.unicodeScalars.append(scalar == "\t" || scalar == "\n" ? " " : "\u{FFFD}")
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return true
    default: return false
    }
  }

  /// East Asian Wide and Fullwidth blocks (abridged from Unicode's EastAsianWidth.txt).
  private static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
      0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
      0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
