/// A condition a setting's value must meet, such as a range, together with the words the
/// reference and the error message use for it, so the two cannot disagree.
struct ConfigurationRule<Value>: Sendable {
  /// What the reference adds after the kind of value: `≥ 1` in "integer ≥ 1"; empty for none.
  let shown: String
  /// The words after "must be" in the error for `value` ("at least 1"), or `nil` when the
  /// value is allowed.
  let violation: @Sendable (Value) -> String?
}

extension ConfigurationRule {
  /// Any value of the right kind.
  static var any: Self { Self(shown: "", violation: { _ in nil }) }

  /// A condition the section checks itself once every setting is read, as `features` does
  /// with `FeatureConfiguration.validate()`; the setting only shows it.
  ///
  /// - Parameter shown: The condition as the reference shows it, such as `1–16`.
  static func checkedBySection(_ shown: String) -> Self {
    Self(shown: shown, violation: { _ in nil })
  }
}

extension ConfigurationRule where Value == Int {
  /// `bound` or more.
  ///
  /// - Parameters:
  ///   - bound: The smallest allowed value.
  ///   - expected: The error's words when they say more than "at least `bound`", such as
  ///     "0 (off) or more".
  static func atLeast(_ bound: Int, expected: String? = nil) -> Self {
    Self(shown: "≥ \(bound)") { $0 >= bound ? nil : expected ?? "at least \(bound)" }
  }

  /// `lower` through `upper`, with one error for both ends: "between 1 and 256".
  static func between(_ lower: Int, _ upper: Int) -> Self {
    Self(shown: "\(lower)–\(upper)") {
      (lower...upper).contains($0) ? nil : "between \(lower) and \(upper)"
    }
  }

  /// `lower` through `upper`, with an error for each end: "at least 1", "at most 4096".
  static func atLeast(_ lower: Int, atMost upper: Int) -> Self {
    Self(shown: "\(lower)–\(upper)") { value in
      if value < lower { return "at least \(lower)" }
      return value > upper ? "at most \(upper)" : nil
    }
  }
}

extension ConfigurationRule where Value == Double {
  /// A finite number greater than 0, as rates, weights and temperatures must be.
  static var positive: Self {
    Self(shown: "> 0") { $0 > 0 && $0.isFinite ? nil : "a finite number greater than 0" }
  }
}
