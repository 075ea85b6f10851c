/// How the loss of one example is scaled by the frequency of its class.
public enum ClassWeighting: String, Codable, Sendable, CaseIterable {
  /// Every example counts the same, so frequent classes dominate the gradient.
  case none
  /// Each class weighs the inverse of its frequency, so rare classes are not drowned out.
  case balanced
}
