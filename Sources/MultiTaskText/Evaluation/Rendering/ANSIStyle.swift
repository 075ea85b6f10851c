/// The few terminal styles the text report uses, and nothing when colours are off.
///
/// Styles are applied after columns are padded, so escape codes never count toward widths.
enum ANSIStyle {
  case plain, bold, good, bad, dim, warning

  /// `text` wrapped in this style's escape codes, or unchanged when `enabled` is false.
  func apply(_ text: String, enabled: Bool) -> String {
    guard enabled, let code else { return text }
    return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
  }

  private var code: String? {
    switch self {
    case .plain: return nil
    case .bold: return "1"
    case .good: return "32"
    case .bad: return "31"
    case .dim: return "2"
    case .warning: return "1;97;41"
    }
  }
}
