/// One kind of task head: how it turns its input into label probabilities, and how one
/// labelled document moves its rows.
///
/// fastText has one `Loss` class per `-loss` value, each with its forward pass and its
/// prediction; this protocol is that interface. ``ForwardPass`` (and so prediction and dev
/// scoring), the trainer's workers and the quantizer's head retraining all reach a head
/// through ``TaskHead``, the one place that knows the kinds, and never branch on the kind
/// themselves. The arithmetic lives in the loss kernels beside the head types
/// (``SoftmaxCrossEntropy``, ``SigmoidCrossEntropy``, ``HierarchicalSoftmax``,
/// ``SampledSoftmax``); a head type says which kernel runs when.
///
/// Every requirement is generic over the parameters and the random number generator and
/// called through ``TaskHead``'s `switch` once per task and document, so each head's loops
/// are specialized: no call per row goes through a witness table.
///
/// ## Adding a head
/// A new head (a regression head) is one file here:
/// 1. Write a `struct` conforming to `Head`, with the rows it needs at run time (a tree, a
///    sampler) as stored properties, and its loss and step beside it (or in a kernel enum
///    with a finite-difference test, as the heads here do).
/// 2. Register it: add a case to ``TaskHead`` and one line to its `switch` in
///    ``TaskHead/perform(_:)`` (`TaskHead.swift`).
/// 3. Build it where a task's head is chosen: `HeadLosses` in `Training/` for training
///    (from the task's `HeadLoss`), `MultiTaskModel.head(ofTask:)` for a trained model, and
///    the head retrainer's `RetrainingParameters` if the head can be refitted.
protocol Head: Sendable {
  /// Whether a document's target for this head is a list of labels (any number may apply)
  /// rather than exactly one label. It decides how a task's label column is read, and that
  /// the task's weight, not a class weight, scales the loss.
  var readsLabelLists: Bool { get }

  /// Writes task `task`'s label probabilities for `input` into `probabilities`, which holds
  /// one float per label. Prediction, dev scoring and the training step all call this.
  ///
  /// - Parameters:
  ///   - task: The task's index, for the parameters' rows.
  ///   - input: The head's input, `dimension` floats.
  ///   - parameters: The model's parameters, however they are stored.
  ///   - scratch: Free buffers, for heads that need more than the probabilities.
  ///   - probabilities: One float per label, overwritten.
  func probabilities<Parameters: ForwardParameters>(
    ofTask task: Int, input: UnsafePointer<Float>, with parameters: Parameters,
    scratch: ForwardScratch, into probabilities: inout UnsafeMutableBufferPointer<Float>)

  /// One gradient step on the head for one document: moves the head's rows and accumulates
  /// the input's gradient into `update.inputGradient` (zeroed by the caller).
  ///
  /// - Parameters:
  ///   - task: The task's index.
  ///   - targets: The document's label, or its sorted list of labels when
  ///     ``readsLabelLists`` is true.
  ///   - update: The rows, rates and buffers of the step.
  ///   - parameters: The parameters the forward pass reads, the head's rows among them.
  ///   - scratch: The forward pass's buffers.
  ///   - generator: Randomness for heads that sample (negatives); others ignore it.
  /// - Returns: The step's raw loss, before any weight.
  func train<Parameters: ForwardParameters, Generator: RandomNumberGenerator>(
    ofTask task: Int, targets: UnsafeBufferPointer<Int32>, update: HeadUpdate,
    with parameters: Parameters, scratch: ForwardScratch, generator: inout Generator
  ) -> Float
}
