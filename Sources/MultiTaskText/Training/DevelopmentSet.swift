#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every task's dev documents, featurized with the final vocabulary, so accuracy can be
/// measured after each epoch without touching text again.
///
/// Built with a ``DevelopmentSetBuilder`` from any examples. A document labelled for several
/// tasks counts once for each.
public struct DevelopmentSet: Sendable {
  /// Feature ids of all documents, laid end to end.
  var features: [Int32] = []
  /// Document `i`'s features are `features[offsets[i]..<offsets[i + 1]]`.
  var offsets: [Int] = [0]
  /// Each document's task.
  var tasks: [Int32] = []
  /// Each document's label id, or -1 for a label the model never saw (always wrong).
  var labels: [Int32] = []
  /// The number of tasks of the model.
  let taskCount: Int
  /// Which tasks are multi-label; their entries in `labels` index the lists below.
  var multiLabel: [Bool]
  /// Multi-label entries' true label ids, sorted within each list, one list after another.
  var listValues: [Int32] = []
  /// Where each list starts in `listValues`, with a final end offset.
  var listOffsets: [Int] = [0]
  /// Per list: how many of its labels the training data lacks (always missed).
  var listUnseen: [Int] = []

  init(taskCount: Int, multiLabel: [Bool]? = nil) {
    self.taskCount = taskCount
    self.multiLabel = multiLabel ?? Array(repeating: false, count: taskCount)
  }

  /// Appends a multi-label entry's list and returns its index.
  mutating func appendList(_ labels: some Sequence<Int32>, unseen: Int) -> Int32 {
    listValues.append(contentsOf: labels)
    listOffsets.append(listValues.count)
    listUnseen.append(unseen)
    return Int32(listOffsets.count - 2)
  }

  /// The true labels of list `list`.
  func list(_ list: Int32) -> [Int32] {
    Array(listValues[listOffsets[Int(list)]..<listOffsets[Int(list) + 1]])
  }

  /// The number of documents.
  public var documentCount: Int { tasks.count }

  /// Whether no task has a dev document.
  public var isEmpty: Bool { tasks.isEmpty }

  /// Replaces every feature id with `rows[id]`, as training does with its own features.
  mutating func remapFeatures(_ rows: [Int32]) {
    EmbeddingStorage.remap(&features, to: rows)
  }

  /// Each task's accuracy and mean log-loss under the given parameters (nil for a task
  /// without dev documents).
  ///
  /// Every document runs the model's ``ForwardPass``, exactly as ``Predictor`` does, so the
  /// last epoch's dev accuracy equals what `mtl eval` reports on the same file, documents
  /// without a known feature included. A label the model never saw counts as wrong and adds
  /// nothing to the loss.
  func score(
    parameters: SharedParameters, metrics: [TaskMetric], labelSets: [LabelSet],
    thresholds: [ThresholdChoice]? = nil
  ) -> DevelopmentScores {
    var scores = scoreSingleLabel(parameters: parameters, metrics: metrics, labelSets: labelSets)
    for task in 0..<taskCount where multiLabel[task] {
      let outputs = multiLabelOutputs(ofTask: task, parameters: parameters)
      guard !outputs.isEmpty else { continue }
      let cut = outputs.thresholds(thresholds?[task] ?? .standard)
      let counts = outputs.counts(thresholds: cut)
      scores.accuracy[task] = counts.subsetAccuracy
      scores.score[task] = metrics[task].value(multiLabel: counts, labels: labelSets[task])
      scores.loss[task] = outputs.meanLoss
    }
    return scores
  }

  /// Every multi-label entry of `task`, with its probabilities under `parameters`.
  func multiLabelOutputs<Parameters: ForwardParameters>(
    ofTask task: Int, parameters: Parameters
  ) -> MultiLabelOutputs {
    let labelCount = parameters.labelCount(ofTask: task)
    var outputs = MultiLabelOutputs(labels: labelCount)
    let scratch = ForwardScratch(dimension: parameters.dimension, labels: labelCount)
    features.withUnsafeBufferPointer { features in
      for entry in 0..<documentCount where Int(tasks[entry]) == task {
        let range = offsets[entry]..<offsets[entry + 1]
        let probabilities = ForwardPass.probabilities(
          UnsafeBufferPointer(rebasing: features[range]), task: task, with: parameters,
          scratch: scratch)
        outputs.append(
          probabilities: UnsafeBufferPointer(probabilities), truth: list(labels[entry]),
          unseen: listUnseen[Int(labels[entry])])
      }
    }
    return outputs
  }

  /// Each single-label task's accuracy, metric and loss; multi-label tasks are left nil.
  private func scoreSingleLabel(
    parameters: SharedParameters, metrics: [TaskMetric], labelSets: [LabelSet]
  ) -> DevelopmentScores {
    let scratch = ForwardScratch(
      dimension: parameters.dimension, labels: parameters.labelCounts.max() ?? 1)
    // Per-label totals, not a confusion matrix: linear in the labels, for 20,000 of them.
    var totals = parameters.labelCounts.map { LabelTotals(labels: $0) }
    var total = [Int](repeating: 0, count: taskCount)
    var loss = [Double](repeating: 0, count: taskCount)
    var search = TreeSearch()
    features.withUnsafeBufferPointer { features in
      for document in 0..<documentCount {
        let task = Int(tasks[document])
        if multiLabel[task] { continue }
        total[task] += 1
        let range = offsets[document]..<offsets[document + 1]
        if let tree = parameters.tree(ofTask: task) {
          // A tree head's answer and loss need its path's nodes, not every label.
          let (predicted, truthProbability) = search.best(
            UnsafeBufferPointer(rebasing: features[range]), tree: tree, task: task,
            truth: Int(labels[document]), parameters: parameters, scratch: scratch)
          let truth = Int(labels[document])
          totals[task].record(truth: truth, predicted: predicted)
          guard truth >= 0 else { continue }
          loss[task] += Double(
            -logf(max(truthProbability, SoftmaxCrossEntropy.smallestProbability)))
          continue
        }
        let probabilities = UnsafeBufferPointer(
          ForwardPass.probabilities(
            UnsafeBufferPointer(rebasing: features[range]), task: task, with: parameters,
            scratch: scratch))
        let predicted = Softmax.mostProbable(probabilities)
        let truth = Int(labels[document])
        totals[task].record(truth: truth, predicted: predicted)
        guard truth >= 0 else { continue }
        loss[task] += Double(SoftmaxCrossEntropy.loss(probabilities: probabilities, target: truth))
      }
    }
    let present = (0..<taskCount).map { total[$0] > 0 }
    return DevelopmentScores(
      accuracy: (0..<taskCount).map { task in
        present[task]
          ? TaskMetric.accuracy.value(totals: totals[task], labels: labelSets[task]) : nil
      },
      score: (0..<taskCount).map { task in
        present[task]
          ? metrics[task].value(totals: totals[task], labels: labelSets[task]) : nil
      },
      loss: (0..<taskCount).map { present[$0] ? loss[$0] / Double(total[$0]) : nil })
  }
}

/// What one epoch scored on the dev documents, per task.
struct DevelopmentScores {
  /// Each task's accuracy; nil for a task without dev documents.
  var accuracy: [Double?]
  /// Each task's score by its own metric; nil for a task without dev documents.
  var score: [Double?]
  /// Each task's mean cross-entropy of the true label; nil for a task without dev documents.
  var loss: [Double?]
}

/// Featurizes dev examples with a training set's vocabulary and label sets.
///
/// Separate from ``DevelopmentSet`` because it owns a text pipeline, which is per thread and
/// not `Sendable`; the finished set is a plain value.
public struct DevelopmentSetBuilder {
  private let encoder: DocumentEncoder
  private let vocabulary: Vocabulary
  private let taskNames: [String]
  private let labelSets: [LabelSet]
  private var set: DevelopmentSet

  /// Prepares a builder for a model whose text and features follow `manifest`.
  ///
  /// - Parameters:
  ///   - manifest: The recipe and the tasks with their labels.
  ///   - vocabulary: The training vocabulary.
  /// - Throws: ``TrainingError/model(_:)`` when the text pipeline cannot be opened.
  public init(manifest: ModelManifest, vocabulary: Vocabulary) throws(TrainingError) {
    do {
      encoder = try DocumentEncoder(manifest: manifest, vocabularySize: vocabulary.count)
    } catch { throw .model(error) }
    self.vocabulary = vocabulary
    taskNames = manifest.tasks.map(\.name)
    labelSets = manifest.tasks.map(\.labels)
    set = DevelopmentSet(
      taskCount: manifest.tasks.count, multiLabel: manifest.tasks.map(\.isMultiLabel))
  }

  /// Adds one dev example, once for each task it is labelled for; other tasks' labels are
  /// ignored.
  ///
  /// - Throws: ``TrainingError/text(location:error:)`` when the text cannot be prepared.
  public mutating func add(_ example: Example) throws(TrainingError) {
    let labelled = taskNames.indices.filter { example.isLabelled(forTask: taskNames[$0]) }
    guard !labelled.isEmpty else { return }
    var text = example.text
    do {
      try text.withUTF8Bytes { (bytes) throws(TextError) in
        try encoder.encode(bytes, vocabulary: vocabulary)
      }
    } catch {
      throw .text(location: example.location, error: error)
    }
    for task in labelled {
      guard let list = example.labelList(ofTask: taskNames[task]) else { continue }
      let value: Int32
      if set.multiLabel[task] {
        let ids = list.compactMap { labelSets[task].id(of: $0)?.rawValue }
        value = set.appendList(Set(ids).sorted(), unseen: list.count - ids.count)
      } else {
        guard list.count == 1 else {
          throw .severalLabels(task: taskNames[task], labels: list, location: example.location)
        }
        value = labelSets[task].id(of: list[0])?.rawValue ?? -1
      }
      set.features.append(contentsOf: encoder.features)
      set.offsets.append(set.features.count)
      set.tasks.append(Int32(task))
      set.labels.append(value)
    }
  }

  /// The featurized set.
  public func finish() -> DevelopmentSet { set }
}
