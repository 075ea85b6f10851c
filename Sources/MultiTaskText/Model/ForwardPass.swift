/// The model's forward pass, written once: average the document's embedding rows, add the
/// task's private rows, and let the task's ``Head`` turn that input into probabilities.
///
/// The trainer's step, the dev score after each epoch and the ``Predictor`` all run these
/// functions, on ``ForwardParameters`` however they are stored, so a document gets the same
/// probabilities in all three. In particular, a document with no known feature gets a zero
/// vector, hence equal scores and a uniform distribution whose first label wins, in dev
/// accuracy exactly as in `mtl eval`.
///
/// The steps are separate functions because training needs what lies between them: the shared
/// vector, to update the rows it came from, and each task's input, to update its head.
enum ForwardPass {
  /// Writes the shared document vector, the mean of the feature rows, into `shared`.
  @inline(__always)
  static func encode<Parameters: ForwardParameters>(
    _ features: UnsafeBufferPointer<Int32>, with parameters: Parameters,
    into shared: UnsafeMutablePointer<Float>
  ) {
    parameters.averageRows(features, into: shared)
  }

  /// The input of task `task`'s head: the shared vector itself, or, with a shared-private
  /// encoder, the shared vector plus the mean of the task's private rows, written into
  /// `scratch`.
  @inline(__always)
  static func input<Parameters: ForwardParameters>(
    ofTask task: Int, features: UnsafeBufferPointer<Int32>,
    shared: UnsafeMutablePointer<Float>, with parameters: Parameters,
    scratch: UnsafeMutablePointer<Float>
  ) -> UnsafePointer<Float> {
    let buckets = parameters.privateBuckets
    guard buckets > 0, !features.isEmpty else { return UnsafePointer(shared) }
    scratch.update(from: shared, count: parameters.dimension)
    let scale = 1 / Float(features.count)
    for id in features {
      parameters.addPrivateRow(
        parameters.privateRow(ofFeature: id), ofTask: task, scale: scale, to: scratch)
    }
    return UnsafePointer(scratch)
  }

  /// Writes task `task`'s label probabilities for `input` into `probabilities`, which holds
  /// one float per label: whatever its ``Head`` computes (a softmax over the task's
  /// temperature, a sigmoid per label, a tree's exact probabilities, whose node buffers
  /// `scratch` provides).
  @inline(__always)
  static func probabilities<Parameters: ForwardParameters>(
    ofTask task: Int, input: UnsafePointer<Float>, with parameters: Parameters,
    scratch: ForwardScratch, into probabilities: inout UnsafeMutableBufferPointer<Float>
  ) {
    parameters.head(ofTask: task).probabilities(
      ofTask: task, input: input, with: parameters, scratch: scratch, into: &probabilities)
  }

  /// Runs the whole pass for one task and returns its label probabilities, in `scratch`'s
  /// buffer, valid until the next pass on it.
  static func probabilities<Parameters: ForwardParameters>(
    _ features: UnsafeBufferPointer<Int32>, task: Int, with parameters: Parameters,
    scratch: ForwardScratch
  ) -> UnsafeMutableBufferPointer<Float> {
    encode(features, with: parameters, into: scratch.shared)
    let input = input(
      ofTask: task, features: features, shared: scratch.shared, with: parameters,
      scratch: scratch.taskInput)
    var probabilities = scratch.probabilities(count: parameters.labelCount(ofTask: task))
    self.probabilities(
      ofTask: task, input: input, with: parameters, scratch: scratch, into: &probabilities)
    return probabilities
  }
}
