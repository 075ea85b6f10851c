import Foundation
import Testing

@testable import MultiTaskText

/// WCAG AA contrast (4.5:1 for text) in both colour schemes, computed from the colours the
/// real page uses: the style sheet the renderer emits (its base rules, and the overrides in
/// its `prefers-color-scheme: dark` block) and the cell fills of rendered heat maps.
///
/// Dark mode once hid the confusion matrix: pale error cells kept their fill while their text
/// took the dark scheme's light ink.
struct HTMLContrastTests {
  /// The page's `<style>` text, as rendered.
  static func styleSheet() throws -> String {
    let html = HTMLReportRenderer().render(SampleReports.threeTasks())
    let start = try #require(html.range(of: "<style>"))
    let end = try #require(html.range(of: "</style>"))
    return String(html[start.upperBound..<end.lowerBound])
  }

  /// The base rules and the dark scheme's block, split out of the style sheet.
  static func schemes() throws -> (light: String, dark: String) {
    let css = try styleSheet()
    let marker = try #require(css.range(of: "@media (prefers-color-scheme: dark) {"))
    var depth = 1
    var index = marker.upperBound
    while depth > 0, index < css.endIndex {
      if css[index] == "{" { depth += 1 }
      if css[index] == "}" { depth -= 1 }
      index = css.index(after: index)
    }
    let dark = String(css[marker.upperBound..<index])
    let light = String(css[..<marker.lowerBound]) + String(css[index...])
    return (light, dark)
  }

  /// The value of `property` in the last rule whose selector is exactly `selector`, and
  /// custom properties (`var(--x)`) resolved from `:root` in the same text, or nil.
  static func value(_ property: String, of selector: String, in css: String) -> String? {
    var found: String?
    let rules = css.components(separatedBy: "}")
    for rule in rules {
      let parts = rule.components(separatedBy: "{")
      guard parts.count >= 2 else { continue }
      let selectors = parts[parts.count - 2].components(separatedBy: ",").map {
        $0.trimmingCharacters(in: .whitespacesAndNewlines)
      }
      guard selectors.contains(selector) else { continue }
      for declaration in parts[parts.count - 1].components(separatedBy: ";") {
        let pair = declaration.components(separatedBy: ":")
        guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespacesAndNewlines) == property
        else { continue }
        found = pair[1].trimmingCharacters(in: .whitespacesAndNewlines)
      }
    }
    return found
  }

  /// A colour for `selector`'s `property` in one scheme: the dark block's rule when it has
  /// one, else the base rule; `var(--x)` resolved the same way.
  static func colour(
    _ property: String, of selector: String, dark: Bool, schemes: (light: String, dark: String)
  ) -> String? {
    var text =
      (dark ? value(property, of: selector, in: schemes.dark) : nil)
      ?? value(property, of: selector, in: schemes.light)
    if let reference = text, reference.hasPrefix("var(") {
      let name = String(reference.dropFirst(4).dropLast())
      text =
        (dark ? value(name, of: ":root", in: schemes.dark) : nil)
        ?? value(name, of: ":root", in: schemes.light)
    }
    return text
  }

  /// WCAG 2 relative luminance of `#rgb` or `#rrggbb`, computed here rather than by the code
  /// under test.
  static func luminance(_ hex: String) throws -> Double {
    var digits = Array(hex.dropFirst())
    if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
    try #require(digits.count == 6, "not a hex colour: \(hex)")
    let channels = try stride(from: 0, to: 6, by: 2).map { index -> Double in
      let value = try #require(Int(String(digits[index..<index + 2]), radix: 16))
      let unit = Double(value) / 255
      return unit <= 0.04045 ? unit / 12.92 : pow((unit + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
  }

  static func contrast(_ first: String, _ second: String) throws -> Double {
    let (a, b) = (try luminance(first), try luminance(second))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }

  /// Every cell of heat maps whose shares run from 0 to 1 in steps of 1/400, on and off the
  /// diagonal: its class and its fill, read from the rendered SVG.
  static func renderedCells() throws -> [(ink: String, fill: String)] {
    let pattern = try NSRegularExpression(
      pattern: "<g class=\"cell ([a-z-]+)\"><rect [^>]*fill=\"(#[0-9a-f]{6})\"")
    var cells: [(String, String)] = []
    for hits in 0...400 {
      let matrix = ConfusionMatrix(
        labels: ["a", "b"], knownLabelCount: 2,
        cells: [
          .init(truth: 0, predicted: 0, count: hits),
          .init(truth: 0, predicted: 1, count: 400 - hits),
          .init(truth: 1, predicted: 1, count: 400 - hits),
          .init(truth: 1, predicted: 0, count: hits),
        ])
      let svg = ConfusionHeatMap(matrix).svg()
      for match in pattern.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)) {
        guard let ink = Range(match.range(at: 1), in: svg),
          let fill = Range(match.range(at: 2), in: svg)
        else { continue }
        cells.append((String(svg[ink]), String(svg[fill])))
      }
    }
    return cells
  }

  @Test(arguments: [false, true])
  func everyHeatMapCellsTextPassesAA(dark: Bool) throws {
    let schemes = try Self.schemes()
    let cells = try Self.renderedCells()
    #expect(cells.count == 401 * 4)
    var worst = (ratio: Double.infinity, cell: "")
    for (ink, fill) in cells {
      let text = try #require(
        Self.colour("fill", of: "svg .cell.\(ink) text", dark: dark, schemes: schemes),
        "no text colour for .cell.\(ink)")
      let background =
        Self.colour("fill", of: "svg .cell.\(ink) rect", dark: dark, schemes: schemes) ?? fill
      let ratio = try Self.contrast(text, background)
      if ratio < worst.ratio { worst = (ratio, "\(ink) \(text) on \(background)") }
    }
    #expect(worst.ratio >= 4.5, "dark \(dark): worst cell \(worst.cell) at \(worst.ratio)")
  }

  /// The page's own text: body, muted, good, bad and link colours on the page and on a
  /// section, and the flags.
  @Test(arguments: [false, true])
  func pageTextPassesAA(dark: Bool) throws {
    let schemes = try Self.schemes()
    func root(_ name: String) throws -> String {
      try #require(
        (dark ? Self.value(name, of: ":root", in: schemes.dark) : nil)
          ?? Self.value(name, of: ":root", in: schemes.light))
    }
    for background in ["--paper", "--page"] {
      for ink in ["--ink", "--muted", "--good", "--bad", "--accent"] {
        let ratio = try Self.contrast(try root(ink), try root(background))
        #expect(ratio >= 4.5, "dark \(dark): \(ink) on \(background) is \(ratio)")
      }
    }
    for selector in [".flag", ".label-chip"] {
      let text = try #require(Self.colour("color", of: selector, dark: dark, schemes: schemes))
      let fill = try #require(Self.colour("background", of: selector, dark: dark, schemes: schemes))
      #expect(try Self.contrast(text, fill) >= 4.5, "dark \(dark): \(selector)")
    }
  }
}
