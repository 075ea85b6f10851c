/// What a prediction line holds beyond each task's answer, shared by `mtl predict`, the
/// server and the bindings so that all of them answer with the same object.
public struct PredictionOptions: Sendable, Equatable {
  /// Also list this many most probable labels per task (0 for none). For a multi-label task
  /// the list replaces the answered labels, each marked `selected` or not.
  public var topK = 0
  /// Also explain each answer with its this many strongest tokens and word n-grams (0 for
  /// none).
  public var explain = 0
  /// Answer `null` when a single-label task's top probability is below this; nil keeps each
  /// task's own `minProbability` from the model.
  public var minimumProbability: Float?
  /// The tasks to answer, by name, in the model's order; nil for all.
  public var tasks: [String]?

  /// Creates options; the defaults answer every task with its label and probability.
  ///
  /// - Parameters:
  ///   - topK: Labels to list per task.
  ///   - explain: Contributions to list per answer.
  ///   - minimumProbability: The probability below which single-label tasks abstain.
  ///   - tasks: The tasks to answer; nil for all.
  public init(
    topK: Int = 0, explain: Int = 0, minimumProbability: Float? = nil, tasks: [String]? = nil
  ) {
    self.topK = topK
    self.explain = explain
    self.minimumProbability = minimumProbability
    self.tasks = tasks
  }
}
