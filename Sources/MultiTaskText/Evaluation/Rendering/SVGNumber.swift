import Foundation

/// Coordinates written compactly for SVG: at most two decimals, no trailing zeros, never `nan`.
enum SVGNumber {
  /// `12.5` → `12.5`, `3.0` → `3`, `0.333` → `0.33`.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    var text = String(format: "%.2f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }
}
