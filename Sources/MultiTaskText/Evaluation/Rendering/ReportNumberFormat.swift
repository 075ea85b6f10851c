import Foundation

/// The one way every renderer writes numbers, so text, Markdown and HTML agree digit for digit.
///
/// Accuracies read best as percentages; F1, precision and recall as three-decimal fractions,
/// as scikit-learn's `classification_report` prints them. A non-finite value (never produced by
/// ``TaskMetrics``, but a diverged loss can be) is written as a dash instead of `nan`. Counts
/// are grouped the same way in the reports and in `mtl`'s terminal lines.
public enum ReportNumberFormat {
  /// `0.8734` → `87.3%`.
  static func percent(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    return String(format: "%.1f%%", value * 100)
  }

  /// `0.8734` → `0.873`.
  static func score(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    return String(format: "%.3f", value)
  }

  /// A number with `digits` decimals, for chart ticks and losses.
  static func decimal(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return "–" }
    return String(format: "%.\(max(0, digits))f", value)
  }

  /// `12345` → `12,345`: grouped so large example counts scan at a glance. Always commas,
  /// whatever the locale, so output reads the same on every machine and tests can look for it.
  ///
  /// - Parameter value: The count.
  /// - Returns: Its digits in groups of three.
  public static func count(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return value < 0 ? "-" + grouped : grouped
  }
}
