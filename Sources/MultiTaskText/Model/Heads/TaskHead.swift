/// The head of one task, whichever kind it is: the registry of ``Head`` types and the one
/// place that dispatches on the kind.
///
/// Callers hold one `TaskHead` per task (``ForwardParameters/head(ofTask:)``) and call its
/// methods; the one `switch` below (``perform(_:)``) runs once per task and document and hands
/// over to the concrete head's generic method, which is specialized for the caller's
/// parameters, so the loops over rows never go through an existential. To register a new
/// ``Head``, add its case and one line to that `switch`.
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

  /// Runs `action` on the concrete head: the one `switch` over the kinds, so that the action's
  /// generic method is specialized for each head type.
  @inline(__always)
  func perform<Action: HeadAction>(_ action: inout Action) -> Action.Result {
    switch self {
    case .softmax(let head): action.run(head)
    case .oneVersusAll(let head): action.run(head)
    case .hierarchical(let head): action.run(head)
    case .sampled(let head): action.run(head)
    }
  }

  /// Whether the task's target is a list of labels; see ``Head/readsLabelLists``.
  @inline(__always)
  var readsLabelLists: Bool {
    var action = ReadsLabelListsAction()
    return perform(&action)
  }

  /// The head's forward pass; see ``Head/probabilities(ofTask:input:with:scratch:into:)``.
  @inline(__always)
  func probabilities<Parameters: ForwardParameters>(
    ofTask task: Int, input: UnsafePointer<Float>, with parameters: Parameters,
    scratch: ForwardScratch, into probabilities: inout UnsafeMutableBufferPointer<Float>
  ) {
    var action = ProbabilitiesAction(
      task: task, input: input, parameters: parameters, scratch: scratch,
      probabilities: probabilities)
    perform(&action)
    probabilities = action.probabilities
  }

  /// The head's gradient step; see ``Head/train(ofTask:targets:update:with:scratch:generator:)``.
  @inline(__always)
  func train<Parameters: ForwardParameters, Generator: RandomNumberGenerator>(
    ofTask task: Int, targets: UnsafeBufferPointer<Int32>, update: HeadUpdate,
    with parameters: Parameters, scratch: ForwardScratch, generator: inout Generator
  ) -> Float {
    var action = TrainAction(
      task: task, targets: targets, update: update, parameters: parameters, scratch: scratch,
      generator: generator)
    let loss = perform(&action)
    generator = action.generator
    return loss
  }
}
