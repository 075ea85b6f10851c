/// Counts as people read them: `15,900 documents`, not `15900 documents`.
///
/// Always commas, whatever the locale, so that logs read the same on every machine and tests
/// can look for the text.
enum ThousandsSeparators {
  /// `value` with a comma between each group of three digits: `1,234,567`, `-4,200`, `999`.
  static func text(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return value < 0 ? "-" + grouped : grouped
  }
}
