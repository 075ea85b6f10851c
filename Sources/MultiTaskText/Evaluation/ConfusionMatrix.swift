/// Counts of (true label, predicted label) pairs for one task.
///
/// Labels are the model's labels followed by any label that appears only in the test data,
/// so an unseen test label is counted (always wrong) instead of crashing the evaluation.
public struct ConfusionMatrix: Sendable, Equatable, Codable {
  /// Label names: the model's, then test-only ones.
  public private(set) var labels: [String]
  /// How many labels the model knows; the rest were never seen in training.
  public let knownLabelCount: Int
  /// `counts[truth][prediction]`.
  public private(set) var counts: [[Int]]

  /// Creates an empty matrix over the model's labels.
  public init(labels: [String]) {
    self.labels = labels
    knownLabelCount = labels.count
    counts = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
  }

  /// Records one example. `truth` may be a label the model never saw.
  public mutating func record(truth: String, predicted: Int) {
    let truthIndex = labels.firstIndex(of: truth) ?? addLabel(truth)
    counts[truthIndex][predicted] += 1
  }

  /// Records one example by label index.
  public mutating func record(truthIndex: Int, predicted: Int) {
    counts[truthIndex][predicted] += 1
  }

  private mutating func addLabel(_ label: String) -> Int {
    labels.append(label)
    for index in counts.indices { counts[index].append(0) }
    counts.append(Array(repeating: 0, count: labels.count))
    return labels.count - 1
  }

  /// Labels in the test data that the model never saw in training.
  public var unseenLabels: [String] { Array(labels[knownLabelCount...]) }

  /// The number of recorded examples.
  public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }
}
