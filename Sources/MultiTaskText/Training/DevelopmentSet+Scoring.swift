#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Scoring the dev documents under the parameters being trained: the trainer's side of a
/// ``DevelopmentSet``, which the dataset layer builds without knowing a model.
extension DevelopmentSet {
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
