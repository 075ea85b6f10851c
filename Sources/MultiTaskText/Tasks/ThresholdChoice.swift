/// How a multi-label task turns each label's probability into a yes or no.
public enum ThresholdChoice: Sendable, Equatable, Codable, CustomStringConvertible {
  /// The same threshold for every label.
  case fixed(Double)
  /// One threshold per label, chosen on dev data to maximise that label's F1, which
  /// maximises the task's macro-F1. Rare labels rarely reach 0.5, so a fixed 0.5 leaves
  /// them never predicted; a threshold per label gives each its own operating point.
  case tuned

  /// The default threshold, the one a calibrated probability would have.
  public static let standard = ThresholdChoice.fixed(0.5)

  /// The configuration form: `tuned`, or the number.
  public var description: String {
    switch self {
    case .fixed(let value): return "\(value)"
    case .tuned: return "tuned"
    }
  }
}
