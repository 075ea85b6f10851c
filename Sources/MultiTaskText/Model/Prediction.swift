/// One task's answer for one document.
public struct TaskPrediction: Sendable, Equatable {
  /// The task's name.
  public var task: String
  /// The most probable label.
  public var label: String
  /// Its probability.
  public var probability: Float
  /// Every label's probability, in the task's label order.
  public var distribution: [(label: String, probability: Float)]

  /// The `k` most probable labels, most probable first; ties keep label order.
  public func top(_ k: Int) -> [(label: String, probability: Float)] {
    Array(
      distribution.enumerated().sorted { left, right in
        left.element.probability != right.element.probability
          ? left.element.probability > right.element.probability : left.offset < right.offset
      }.prefix(max(0, k)).map(\.element))
  }

  /// Whether two predictions have the same task, label, probability and distribution.
  ///
  /// Written by hand because `distribution` holds tuples, which are not `Equatable`, so the
  /// conformance cannot be synthesized; the distributions are compared label by label and
  /// probability by probability, in order.
  public static func == (left: TaskPrediction, right: TaskPrediction) -> Bool {
    left.task == right.task && left.label == right.label && left.probability == right.probability
      && left.distribution.map(\.label) == right.distribution.map(\.label)
      && left.distribution.map(\.probability) == right.distribution.map(\.probability)
  }
}
