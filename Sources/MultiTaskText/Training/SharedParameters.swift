/// Raw views of the parameters that every worker updates in place, and the per-epoch
/// settings of each task.
///
/// `@unchecked Sendable` because Hogwild shares them between threads on purpose: concurrent
/// updates to the same row may lose one another's contribution, which sparse SGD tolerates.
/// The buffers they point into outlive every worker.
struct SharedParameters: @unchecked Sendable {
  let embeddings: UnsafeMutablePointer<Float>
  let heads: [UnsafeMutablePointer<Float>]
  let labelCounts: [Int]
  /// Per task, per label: the task weight times the label's class weight.
  let labelWeights: [[Float]]
  let dimension: Int
  /// Per task: the multiplier of its head's learning rate.
  var headScales: [Float] = []
  /// Per task: a loss multiplier set for the epoch (dynamic weight average), 1 otherwise.
  var epochMultipliers: [Float] = []
  /// Per task: whether it still trains (false once per-task early stopping stopped it).
  var active: [Bool] = []
  /// Per task: its private table of `privateBuckets` rows, when the encoder has them.
  var privateTables: [UnsafeMutablePointer<Float>] = []
  var privateBuckets = 0
  /// AdaGrad's accumulators, when the optimizer is `adagrad`; nil for plain SGD.
  var adaptive: AdaptiveRatePointers? = nil
  /// Per task: its loss weight, which a multi-label task's steps use in place of
  /// per-label class weights.
  var taskWeights: [Float] = []
  /// Per task: the learned log variance `s` of uncertainty weighting.
  var logVariances: UnsafeMutablePointer<Float>? = nil
  /// Per task: its head, which scores and trains it (`HeadLosses` sets them from the tasks);
  /// a full softmax until then.
  var taskHeads: [TaskHead] = []
  /// The seed of the workers' negative streams, mixed with the epoch by the trainer.
  var negativeSeed: UInt64 = 0

  init(
    embeddings: UnsafeMutablePointer<Float>, heads: [UnsafeMutablePointer<Float>],
    labelCounts: [Int], labelWeights: [[Float]], dimension: Int
  ) {
    self.embeddings = embeddings
    self.heads = heads
    self.labelCounts = labelCounts
    self.labelWeights = labelWeights
    self.dimension = dimension
    headScales = Array(repeating: 1, count: heads.count)
    epochMultipliers = Array(repeating: 1, count: heads.count)
    active = Array(repeating: true, count: heads.count)
    taskHeads = Array(repeating: .softmax(SoftmaxHead()), count: heads.count)
    taskWeights = Array(repeating: 1, count: heads.count)
  }

  var hasPrivateTables: Bool { privateBuckets > 0 && !privateTables.isEmpty }
}

/// The trainer's raw buffers run the same forward pass as a finished model.
extension SharedParameters: ForwardParameters {
  func labelCount(ofTask task: Int) -> Int { labelCounts[task] }

  func head(ofTask task: Int) -> TaskHead { taskHeads[task] }

  func temperature(ofTask task: Int) -> Float { 1 }

  func scoreNode(_ node: Int, ofTask task: Int, input: UnsafePointer<Float>) -> Float {
    RowKernels.dot(heads[task] + node * dimension, input, count: dimension)
  }

  func averageRows(
    _ ids: UnsafeBufferPointer<Int32>, into output: UnsafeMutablePointer<Float>
  ) {
    RowKernels.averageRows(ids, of: embeddings, columns: dimension, into: output)
  }

  func addPrivateRow(
    _ row: Int, ofTask task: Int, scale: Float, to vector: UnsafeMutablePointer<Float>
  ) {
    RowKernels.add(
      privateTables[task] + row * dimension, scale: scale, to: vector, count: dimension)
  }

  func scoreLabels(
    ofTask task: Int, input: UnsafePointer<Float>, into scores: UnsafeMutablePointer<Float>
  ) {
    RowKernels.multiply(
      rows: heads[task], rowCount: labelCounts[task], columns: dimension, by: input, into: scores)
  }
}
