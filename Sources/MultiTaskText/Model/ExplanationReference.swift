/// What an explanation's contributions are measured against.
///
/// A softmax task picks one label among several, so the useful question is why the chosen
/// label beat its closest rival: contributions split the difference of the two scores.
/// A multi-label task decides each label on its own, by whether its score is above the
/// decision boundary, so there the question is why the score is where it is, measured from 0.
public enum ExplanationReference: Sendable, Hashable {
  /// The most probable label other than the explained one: the runner-up when the explained
  /// label is the prediction, the prediction otherwise. Contributions sum to the difference
  /// of the two labels' scores, the log of their probability ratio.
  case runnerUp
  /// The decision boundary of a bias-free score: contributions sum to the explained label's
  /// score itself.
  case zero
}
