/// Classifies documents for every task of a model in one pass: the encoder runs once, then
/// each head.
///
/// A predictor owns its text pipeline and scratch buffers and reuses them for every document,
/// so the streaming path (``run(_:)`` then ``withProbabilities(ofTask:_:)``) allocates nothing
/// per token. Create one per thread; the model itself is an immutable value they can share.
/// The arithmetic is the model's one forward pass (`ForwardPass`), the same the trainer and
/// its dev scoring run.
public final class Predictor {
  /// The model.
  public let model: MultiTaskModel
  let encoder: DocumentEncoder
  private let scratch: ForwardScratch
  private var probabilities: [[Float]]
  /// Per task: whether a hierarchical head's probabilities of the last document are still
  /// to be computed. Its answer and top labels come from a tree search; the full
  /// distribution is computed only when asked for.
  private var pending: [Bool]
  /// Per hierarchical task: its input vector for the last document (empty for other tasks).
  private var treeInputs: [[Float]]
  private var search = TreeSearch()
  /// ``hadKnownFeatures`` of the last document, once asked: every task's answer asks it.
  private var knownFeatures: Bool?
  /// The weighting's storage and one score per label, for tasks with a linear path.
  private var termBuffers = TermBuffers()
  private var linearScores: [Float]

  /// Prepares a predictor for `model`.
  ///
  /// - Throws: ``ModelError`` when ICU cannot open the model's text pipeline or the
  ///   manifest's feature settings are invalid.
  public init(model: MultiTaskModel) throws(ModelError) {
    self.model = model
    encoder = try DocumentEncoder(manifest: model.manifest, vocabularySize: model.vocabulary.count)
    scratch = ForwardScratch(
      dimension: model.manifest.dimension, labels: model.heads.map(\.rows).max() ?? 1)
    probabilities = model.heads.map { Array(repeating: 0, count: $0.rows) }
    pending = Array(repeating: false, count: model.heads.count)
    treeInputs = model.trees.map { $0 == nil ? [] : Array(repeating: 0, count: model.dimension) }
    linearScores = Array(repeating: 0, count: model.heads.map(\.rows).max() ?? 1)
  }

  /// Computes every task's probabilities for UTF-8 `bytes`, kept until the next call.
  ///
  /// A document with no known features gets each head's bias-free answer: a uniform
  /// distribution, so its first label wins with probability 1/labels.
  ///
  /// - Throws: ``TextError`` when the text cannot be normalized or tokenized.
  public func run(_ bytes: UnsafeRawBufferPointer) throws(TextError) {
    try encoder.encode(bytes, vocabulary: model.vocabulary)
    knownFeatures = nil
    let model = model
    let scratch = scratch
    encoder.features.withUnsafeBufferPointer { features in
      // The shared encoder runs once; each task adds only its private rows, if any.
      ForwardPass.encode(features, with: model, into: scratch.shared)
      for task in probabilities.indices {
        let input = ForwardPass.input(
          ofTask: task, features: features, shared: scratch.shared, with: model,
          scratch: scratch.taskInput)
        if model.trees[task] != nil {
          treeInputs[task].withUnsafeMutableBufferPointer { stored in
            stored.baseAddress?.update(from: input, count: stored.count)
          }
          pending[task] = true
          continue
        }
        probabilities[task].withUnsafeMutableBufferPointer { buffer in
          ForwardPass.probabilities(
            ofTask: task, input: input, with: model, scratch: scratch, into: &buffer)
        }
        if !model.linearPaths.isEmpty, let path = model.linearPaths[task] {
          linearScores.withUnsafeMutableBufferPointer { scores in
            probabilities[task].withUnsafeMutableBufferPointer { buffer in
              ForwardPass.addLinearPath(
                path, features: features, buffers: &termBuffers, scores: scores,
                into: buffer)
            }
          }
        }
      }
    }
  }

  /// Calls `body` with task `task`'s probabilities from the last ``run(_:)``, in label order.
  ///
  /// - Parameters:
  ///   - task: The task's position in the model.
  ///   - body: Reads the probabilities; the buffer is valid only during the call.
  /// - Returns: What `body` returns.
  public func withProbabilities<Result>(
    ofTask task: Int, _ body: (UnsafeBufferPointer<Float>) throws -> Result
  ) rethrows -> Result {
    computePending(task)
    return try probabilities[task].withUnsafeBufferPointer(body)
  }

  /// Task `task`'s `k` most probable labels from the last ``run(_:)``, most probable first,
  /// ties in label order.
  ///
  /// A hierarchical head searches its tree and scores only the nodes more probable than the
  /// `k`-th label; other heads sort their probabilities.
  ///
  /// - Parameters:
  ///   - k: How many labels; at most the task's labels are returned.
  ///   - task: The task's position in the model.
  /// - Returns: The labels and their probabilities.
  public func top(_ k: Int, ofTask task: Int) -> [(label: LabelID, probability: Float)] {
    if pending[task], let tree = model.trees[task] {
      var found: [(label: LabelID, probability: Float)] = []
      searchTree(tree, task: task, k: k) { found.append((LabelID(Int32($0)), $1)) }
      return found
    }
    return probabilities[task].withUnsafeBufferPointer { values in
      values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
        .prefix(k).map { (LabelID(Int32($0)), values[$0]) }
    }
  }

  /// Runs the tree search on task `task`'s stored input.
  private func searchTree(
    _ tree: HuffmanTree, task: Int, k: Int, found: (Int, Float) -> Void
  ) {
    let model = model
    treeInputs[task].withUnsafeBufferPointer { input in
      guard let input = input.baseAddress else { return }
      search.top(
        k, in: tree, score: { model.scoreNode($0, ofTask: task, input: input) }, found: found)
    }
  }

  /// Computes a hierarchical head's full distribution of the last document, once.
  private func computePending(_ task: Int) {
    guard pending[task], let tree = model.trees[task] else { return }
    pending[task] = false
    let model = model
    let scratch = scratch
    treeInputs[task].withUnsafeBufferPointer { input in
      guard let input = input.baseAddress else { return }
      model.scoreLabels(ofTask: task, input: input, into: scratch.nodeScores)
      probabilities[task].withUnsafeMutableBufferPointer { buffer in
        tree.probabilities(
          scores: scratch.nodeScores, nodeProbabilities: scratch.nodeProbabilities, into: buffer)
      }
    }
  }

  /// The most probable label of task `task` from the last ``run(_:)``: ties go to the first.
  ///
  /// - Parameter task: The task's position in the model.
  /// - Returns: The label and its probability.
  public func best(ofTask task: Int) -> (label: LabelID, probability: Float) {
    if pending[task], let tree = model.trees[task] {
      var best: (label: LabelID, probability: Float) = (LabelID(0), 0)
      searchTree(tree, task: task, k: 1) { best = (LabelID(Int32($0)), $1) }
      return best
    }
    return probabilities[task].withUnsafeBufferPointer { values in
      let best = Softmax.mostProbable(values)
      return (LabelID(Int32(best)), values.isEmpty ? 0 : values[best])
    }
  }

  /// Whether the last document ran had any feature the model knows. Without one, every
  /// task's probabilities are the untrained prior of an all-zero vector, which is no answer.
  ///
  /// A feature is known when its row was trained: the hashed bigram of two unknown words
  /// has a row, but a zero one. The document marker, which every document has, is no
  /// evidence either.
  public var hadKnownFeatures: Bool {
    if let knownFeatures { return knownFeatures }
    let featurizer = encoder.featurizer
    let marker = featurizer.configuration.documentMarker ? featurizer.markerRow : -1
    let embeddings = model.embeddings
    let known = encoder.features.contains { $0 != marker && embeddings.isTrained(Int($0)) }
    knownFeatures = known
    return known
  }

  /// A multi-label task's answered labels for the last document: those whose probability
  /// reaches their threshold, the most probable first; possibly none.
  ///
  /// - Parameter task: The task's index; a single-label task answers its best label.
  public func selectedLabels(ofTask task: Int) -> [(label: LabelID, probability: Float)] {
    guard let thresholds = model.manifest.tasks[task].thresholds,
      model.manifest.tasks[task].isMultiLabel
    else {
      let best = best(ofTask: task)
      return [best]
    }
    return probabilities[task].withUnsafeBufferPointer { values in
      values.indices.filter { values[$0] >= thresholds[$0] }
        .sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
        .map { (LabelID(Int32($0)), values[$0]) }
    }
  }

  /// Every task's answer for `text`. Convenient; allocates the answers.
  ///
  /// - Parameter text: The document.
  /// - Returns: One prediction per task, in the model's task order.
  /// - Throws: ``TextError`` when the text cannot be normalized or tokenized.
  public func predict(_ text: String) throws(TextError) -> [TaskPrediction] {
    var text = text
    try text.withUTF8Bytes { (bytes) throws(TextError) in try run(bytes) }
    for task in pending.indices { computePending(task) }
    return model.manifest.tasks.indices.map { task in
      let labels = model.manifest.tasks[task].labels
      let (best, probability) = best(ofTask: task)
      return TaskPrediction(
        task: model.manifest.tasks[task].name, label: labels[best], probability: probability,
        distribution: zip(labels.labels, probabilities[task]).map { ($0, $1) })
    }
  }
}
