/// A test document the model got wrong, with why: each token's and word n-gram's contribution
/// to the wrong answer over its runner-up.
///
/// Reports keep a few per task (`mtl eval --explain N`), so that a reader sees what the
/// model keys on, which a confusion matrix cannot show: a spurious word, a negation the
/// bigrams missed, a label that looks wrong.
public struct ExplainedMistake: Sendable, Equatable {
  /// The document, as read from the test file.
  public var text: String
  /// Where it was read from, when known.
  public var location: CorpusLocation?
  /// The label the test file gives it.
  public var truth: String
  /// The explanation of the predicted label, ``Explanation/label``, against the runner-up.
  public var explanation: Explanation

  /// Creates a mistake.
  ///
  /// - Parameters:
  ///   - text: The document.
  ///   - location: Where it was read from.
  ///   - truth: Its true label.
  ///   - explanation: The explanation of the predicted label.
  public init(
    text: String, location: CorpusLocation? = nil, truth: String, explanation: Explanation
  ) {
    self.text = text
    self.location = location
    self.truth = truth
    self.explanation = explanation
  }
}
