/// A trained model and the history of its training: what ``Pipeline/train(shouldStop:onEvent:)``
/// returns, ready to be written and evaluated.
public struct TrainedModel: Sendable {
  /// The model.
  public var model: MultiTaskModel
  /// Loss and dev accuracy per epoch, the kept epoch and the training time.
  public var history: TrainingHistory
  /// Each task's dev score at the kept epoch, by its selection metric; empty without dev
  /// data.
  public var developmentScores: [String: Double] = [:]
  /// The dev documents those scores came from: a dev file's records, or the held-out slice.
  public var developmentDocuments = 0
}

/// What a whole pipeline run produced.
public struct PipelineResult: Sendable {
  /// The model with its training history.
  public var trained: TrainedModel
  /// The evaluation on every task's test file, with the training history.
  public var report: EvaluationReport

  /// The model.
  public var model: MultiTaskModel { trained.model }
}
