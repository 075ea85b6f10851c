/// A document's targets as a head that scores every label reads them (see
/// ``EveryLabelHead``): how the label column is read, how scores become probabilities, which
/// labels are targets, and the loss against them.
///
/// ``SoftmaxCrossEntropy``'s steps move every label's row by `p − y`, whatever the head; only
/// `y` differs, one target for a softmax and a sorted list for one-vs-all. So the steps are
/// written once, generic over this protocol, and stay specialized for each head.
protocol LabelTargets {
  /// Whether a document's target column is a list of labels; see ``Head/readsLabelLists``.
  static var areLists: Bool { get }

  /// Reads a document's target column.
  init(column: UnsafeBufferPointer<Int32>)

  /// Turns task `task`'s scores, one per label, into probabilities in place.
  static func normalize<Parameters: ForwardParameters>(
    _ scores: inout UnsafeMutableBufferPointer<Float>, ofTask task: Int,
    with parameters: Parameters)

  /// Whether `label` is a target. The steps ask once per label, in increasing order, so a
  /// sorted list can be walked in one pass.
  mutating func includes(_ label: Int) -> Bool

  /// The loss of `probabilities`, one per label, against these targets.
  func loss(probabilities: UnsafeBufferPointer<Float>) -> Float
}

/// The one label of a single-label task: `y` is its one-hot vector, and the probabilities
/// are a softmax.
struct SingleTarget: LabelTargets {
  static var areLists: Bool { false }

  /// The correct label.
  let label: Int

  /// A document's one label.
  init(label: Int) { self.label = label }

  @inline(__always)
  init(column: UnsafeBufferPointer<Int32>) { label = Int(column[0]) }

  /// The softmax of the scores. A trained model divides them by the task's calibrated
  /// temperature first, then adds its metric-fitted biases; during training the temperature
  /// is 1 and there are no biases. The model file reader checks that a task's biases number
  /// its labels.
  @inline(__always)
  static func normalize<Parameters: ForwardParameters>(
    _ scores: inout UnsafeMutableBufferPointer<Float>, ofTask task: Int,
    with parameters: Parameters
  ) {
    let temperature = parameters.temperature(ofTask: task)
    if temperature != 1 {
      let inverse = 1 / temperature
      for index in scores.indices { scores[index] *= inverse }
    }
    if let biases = parameters.biases(ofTask: task), biases.count == scores.count {
      for index in scores.indices { scores[index] += biases[index] }
    }
    Softmax.apply(&scores)
  }

  @inline(__always)
  func includes(_ label: Int) -> Bool { label == self.label }

  @inline(__always)
  func loss(probabilities: UnsafeBufferPointer<Float>) -> Float {
    SoftmaxCrossEntropy.loss(probabilities: probabilities, target: label)
  }
}

/// The labels of a multi-label document, sorted: `y` is 1 for each of them and 0 elsewhere,
/// and each label's probability is its own sigmoid, so the labels do not compete.
struct SortedTargets: LabelTargets {
  static var areLists: Bool { true }

  /// The positive labels, in increasing order.
  let labels: UnsafeBufferPointer<Int32>
  /// The first of `labels` not yet reached by the walk.
  private var next = 0

  /// Starts a walk over the labels of `column`, which must be sorted.
  @inline(__always)
  init(column: UnsafeBufferPointer<Int32>) { labels = column }

  /// One sigmoid per score; a multi-label task has no temperature.
  @inline(__always)
  static func normalize<Parameters: ForwardParameters>(
    _ scores: inout UnsafeMutableBufferPointer<Float>, ofTask task: Int,
    with parameters: Parameters
  ) {
    Sigmoid.apply(&scores)
  }

  @inline(__always)
  mutating func includes(_ label: Int) -> Bool {
    let positive = next < labels.count && Int(labels[next]) == label
    if positive { next += 1 }
    return positive
  }

  @inline(__always)
  func loss(probabilities: UnsafeBufferPointer<Float>) -> Float {
    SigmoidCrossEntropy.loss(probabilities: probabilities, targets: labels)
  }
}
