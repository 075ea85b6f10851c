/// The head of one task, whichever kind it is: the registry of ``Head`` types and the one
/// place that dispatches on the kind.
///
/// Callers hold one `TaskHead` per task (``ForwardParameters/head(ofTask:)``) and call its
/// methods; each `switch` below runs once per task and document and hands over to the
/// concrete head's generic method, which is specialized for the caller's parameters, so the
/// loops over rows never go through an existential. To register a new ``Head``, add its case
/// and one line to each `switch`.
enum TaskHead: Sendable {
  /// Softmax cross-entropy over every label.
  case softmax(SoftmaxHead)
  /// One sigmoid per label, for a multi-label task.
  case oneVersusAll(OneVersusAllHead)
  /// A hierarchical softmax over a Huffman tree of the labels.
  case hierarchical(HierarchicalHead)
  /// Negative sampling in training, the full softmax at prediction.
  case sampled(SampledSoftmaxHead)

  /// The tree of a hierarchical head, which prediction searches; nil for other heads.
  var tree: HuffmanTree? {
    if case .hierarchical(let head) = self { return head.tree }
    return nil
  }

  /// Whether the task's target is a list of labels; see ``Head/readsLabelLists``.
  @inline(__always)
  var readsLabelLists: Bool {
    switch self {
    case .softmax(let head): head.readsLabelLists
    case .oneVersusAll(let head): head.readsLabelLists
    case .hierarchical(let head): head.readsLabelLists
    case .sampled(let head): head.readsLabelLists
    }
  }

  /// The head's forward pass; see ``Head/probabilities(ofTask:input:with:scratch:into:)``.
  @inline(__always)
  func probabilities<Parameters: ForwardParameters>(
    ofTask task: Int, input: UnsafePointer<Float>, with parameters: Parameters,
    scratch: ForwardScratch, into probabilities: inout UnsafeMutableBufferPointer<Float>
  ) {
    switch self {
    case .softmax(let head):
      head.probabilities(
        ofTask: task, input: input, with: parameters, scratch: scratch, into: &probabilities)
    case .oneVersusAll(let head):
      head.probabilities(
        ofTask: task, input: input, with: parameters, scratch: scratch, into: &probabilities)
    case .hierarchical(let head):
      head.probabilities(
        ofTask: task, input: input, with: parameters, scratch: scratch, into: &probabilities)
    case .sampled(let head):
      head.probabilities(
        ofTask: task, input: input, with: parameters, scratch: scratch, into: &probabilities)
    }
  }

  /// The head's gradient step; see ``Head/train(ofTask:targets:update:with:scratch:generator:)``.
  @inline(__always)
  func train<Parameters: ForwardParameters, Generator: RandomNumberGenerator>(
    ofTask task: Int, targets: UnsafeBufferPointer<Int32>, update: HeadUpdate,
    with parameters: Parameters, scratch: ForwardScratch, generator: inout Generator
  ) -> Float {
    switch self {
    case .softmax(let head):
      head.train(
        ofTask: task, targets: targets, update: update, with: parameters, scratch: scratch,
        generator: &generator)
    case .oneVersusAll(let head):
      head.train(
        ofTask: task, targets: targets, update: update, with: parameters, scratch: scratch,
        generator: &generator)
    case .hierarchical(let head):
      head.train(
        ofTask: task, targets: targets, update: update, with: parameters, scratch: scratch,
        generator: &generator)
    case .sampled(let head):
      head.train(
        ofTask: task, targets: targets, update: update, with: parameters, scratch: scratch,
        generator: &generator)
    }
  }
}
