/// Cell colours for the confusion heat map.
///
/// The share is square-rooted before shading, so a 5% confusion is already visibly tinted
/// while a 90% diagonal is deep; blue means correct, red means an error.
enum HeatMapColor {
  private static let empty = (r: 248.0, g: 250.0, b: 252.0)
  private static let correct = (r: 29.0, g: 78.0, b: 216.0)
  private static let wrong = (r: 220.0, g: 38.0, b: 38.0)

  /// The fill for a cell holding `share` of its row.
  static func fill(share: Double, diagonal: Bool) -> String {
    guard share > 0 else { return "#f1f5f9" }
    let target = diagonal ? correct : wrong
    let amount = 0.08 + 0.92 * intensity(share)
    func mix(_ from: Double, _ to: Double) -> Int { Int((from + (to - from) * amount).rounded()) }
    return hex(mix(empty.r, target.r), mix(empty.g, target.g), mix(empty.b, target.b))
  }

  /// Whether text on this cell should be light.
  static func isDark(share: Double) -> Bool { intensity(share) > 0.6 }

  private static func intensity(_ share: Double) -> Double { min(1, max(0, share)).squareRoot() }

  private static func hex(_ values: Int...) -> String {
    let digits = Array("0123456789abcdef")
    return "#" + values.map { String([digits[($0 >> 4) & 15], digits[$0 & 15]]) }.joined()
  }
}
