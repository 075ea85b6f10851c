/// Explanations of the predictor's last document, for callers that already ran it, such as a
/// prediction line that reports its evidence.
extension Predictor {
  /// Explains task `task`'s score of `label` for the document of the last ``run(_:)``.
  ///
  /// The features are regrouped by the featurizer that produced them, so the explanation is
  /// of exactly the probabilities ``withProbabilities(ofTask:_:)`` reports. ``Explainer``
  /// derives the contributions.
  ///
  /// - Parameters:
  ///   - task: The task's position in the model.
  ///   - label: The label to explain; nil (the default) for the predicted one.
  ///   - reference: What contributions are measured against: the runner-up (the default),
  ///     or 0 for a label decided on its own.
  ///   - originalText: The bytes given to ``run(_:)``, to report tokens as they were
  ///     written; without them, tokens are reported normalized.
  /// - Returns: The explanation, empty for a document with no known features.
  public func explanation(
    ofTask task: Int, label: LabelID? = nil, reference: ExplanationReference = .runnerUp,
    originalText: UnsafeRawBufferPointer? = nil
  ) -> Explanation {
    model.explanation(
      ofTask: task, label: label, reference: reference,
      groups: FeatureGroups(encoder.encoded, featurizer: encoder.featurizer),
      tokens: encoder.tokens, original: originalText)
  }

  /// The `count` tokens and word n-grams of the last ``run(_:)`` that pushed task `task`'s
  /// predicted label hardest over its runner-up, largest first.
  ///
  /// - Parameters:
  ///   - task: The task's position in the model.
  ///   - count: How many to return at most.
  ///   - originalText: The bytes given to ``run(_:)``, to report tokens as written.
  /// - Returns: Each unit's text and contribution to the log odds of the prediction against
  ///   the runner-up.
  public func topContributions(
    ofTask task: Int, count: Int, originalText: UnsafeRawBufferPointer? = nil
  ) -> [(token: String, contribution: Double)] {
    explanation(ofTask: task, originalText: originalText).topContributions(count)
  }
}
