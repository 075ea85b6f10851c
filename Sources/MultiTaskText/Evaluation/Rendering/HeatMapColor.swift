import Foundation

/// Cell colours for the confusion heat map.
///
/// The share is square-rooted before shading, so a 5% confusion is already visibly tinted
/// while a 90% diagonal is deep; blue means correct, red means an error. A cell's text is
/// black or white, whichever contrasts more with its fill: with pure black and white the
/// worse of the two choices is still 4.58:1, above WCAG AA's 4.5:1 for text, whatever the
/// fill. (A threshold on the share instead once put white text on a mid red, at 3:1.)
enum HeatMapColor {
  private static let empty = (r: 248.0, g: 250.0, b: 252.0)
  private static let correct = (r: 29.0, g: 78.0, b: 216.0)
  private static let wrong = (r: 220.0, g: 38.0, b: 38.0)

  /// The fill of a cell holding no document.
  static let zeroFill = "#f1f5f9"

  /// The fill for a cell holding `share` of its row.
  static func fill(share: Double, diagonal: Bool) -> String {
    guard share > 0 else { return zeroFill }
    let target = diagonal ? correct : wrong
    let amount = 0.08 + 0.92 * intensity(share)
    func mix(_ from: Double, _ to: Double) -> Int { Int((from + (to - from) * amount).rounded()) }
    return hex(mix(empty.r, target.r), mix(empty.g, target.g), mix(empty.b, target.b))
  }

  /// Whether text on a cell of colour `fill` (`#rrggbb`) should be white rather than black:
  /// whichever has the higher contrast ratio.
  static func wantsLightText(fill: String) -> Bool {
    let background = relativeLuminance(fill)
    // Contrast with white is 1.05 / (L + 0.05); with black, (L + 0.05) / 0.05.
    return 1.05 / (background + 0.05) > (background + 0.05) / 0.05
  }

  /// WCAG 2's relative luminance of `#rrggbb`.
  static func relativeLuminance(_ hex: String) -> Double {
    let digits = Array(hex.dropFirst())
    guard digits.count == 6 else { return 1 }
    func channel(_ index: Int) -> Double {
      let value = Double(Int(String(digits[index..<index + 2]), radix: 16) ?? 255) / 255
      return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
  }

  private static func intensity(_ share: Double) -> Double { min(1, max(0, share)).squareRoot() }

  private static func hex(_ values: Int...) -> String {
    let digits = Array("0123456789abcdef")
    return "#" + values.map { String([digits[($0 >> 4) & 15], digits[$0 & 15]]) }.joined()
  }
}
