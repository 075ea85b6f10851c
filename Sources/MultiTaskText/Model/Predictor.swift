/// Classifies documents for every task of a model in one pass: the encoder runs once, then
/// each head.
///
/// A predictor owns its text pipeline and scratch buffers and reuses them for every document,
/// so the streaming path (``run(_:)`` then ``withProbabilities(ofTask:_:)``) allocates nothing
/// per token. Create one per thread; the model itself is an immutable value they can share.
public final class Predictor {
  /// The model.
  public let model: MultiTaskModel
  private let encoder: DocumentEncoder
  private var hidden: [Float]
  private var taskHidden: [Float]
  private var probabilities: [[Float]]

  /// Prepares a predictor for `model`.
  ///
  /// - Throws: ``TextError`` if ICU cannot load its data, or a feature configuration error
  ///   for a damaged manifest.
  public init(model: MultiTaskModel) throws {
    self.model = model
    encoder = try DocumentEncoder(manifest: model.manifest, vocabularySize: model.vocabulary.count)
    hidden = Array(repeating: 0, count: model.manifest.dimension)
    taskHidden = hidden
    probabilities = model.heads.map { Array(repeating: 0, count: $0.rows) }
  }

  /// Computes every task's probabilities for UTF-8 `bytes`, kept until the next call.
  ///
  /// A document with no known features gets each head's bias-free answer: a uniform
  /// distribution, so its first label wins with probability 1/labels.
  public func run(_ bytes: UnsafeRawBufferPointer) throws(TextError) {
    try encoder.encode(bytes, vocabulary: model.vocabulary)
    let privateBuckets = model.manifest.privateBuckets
    encoder.features.withUnsafeBufferPointer { ids in
      hidden.withUnsafeMutableBufferPointer { vector in
        taskHidden.withUnsafeMutableBufferPointer { taskVector in
          // The shared encoder runs once; each task adds only its private rows, if any.
          model.embeddings.averageRows(ids, into: vector.baseAddress!)
          for task in model.heads.indices {
            var input = vector.baseAddress!
            if !model.privateEmbeddings.isEmpty && !ids.isEmpty {
              input = taskVector.baseAddress!
              input.update(from: vector.baseAddress!, count: vector.count)
              let table = model.privateEmbeddings[task]
              let scale = 1 / Float(ids.count)
              for id in ids {
                let row = SharedParameters.privateRow(of: id, buckets: privateBuckets)
                table.addRowToVector(row, input, scale: scale)
              }
            }
            probabilities[task].withUnsafeMutableBufferPointer { scores in
              model.heads[task].multiply(input, into: scores.baseAddress!)
              SoftmaxCrossEntropy.softmax(&scores)
            }
          }
        }
      }
    }
  }

  /// Calls `body` with task `task`'s probabilities from the last ``run(_:)``, in label order.
  public func withProbabilities<Result>(
    ofTask task: Int, _ body: (UnsafeBufferPointer<Float>) throws -> Result
  ) rethrows -> Result {
    try probabilities[task].withUnsafeBufferPointer(body)
  }

  /// The most probable label of task `task` from the last ``run(_:)``: ties go to the first.
  public func best(ofTask task: Int) -> (label: LabelID, probability: Float) {
    var best = 0
    let values = probabilities[task]
    for index in values.indices where values[index] > values[best] { best = index }
    return (LabelID(Int32(best)), values.isEmpty ? 0 : values[best])
  }

  /// Every task's answer for `text`. Convenient; allocates the answers.
  public func predict(_ text: String) throws(TextError) -> [TaskPrediction] {
    var text = text
    try text.withUTF8Bytes { (bytes) throws(TextError) in try run(bytes) }
    return model.manifest.tasks.indices.map { task in
      let labels = model.manifest.tasks[task].labels
      let (best, probability) = best(ofTask: task)
      return TaskPrediction(
        task: model.manifest.tasks[task].name, label: labels[best], probability: probability,
        distribution: zip(labels.labels, probabilities[task]).map { ($0, $1) })
    }
  }
}
