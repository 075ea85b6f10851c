/// The arithmetic of explanations, written once; ``Explainer`` derives it.
extension MultiTaskModel {
  /// Explains task `task`'s score of `label` for a document given by its grouped features.
  ///
  /// The margin comes from the model's own forward pass over the same features, and the
  /// contributions from the head and embedding rows directly, so a test comparing the two
  /// checks the derivation, not one formula against itself.
  ///
  /// - Parameters:
  ///   - task: The task's position in the model.
  ///   - label: The label to explain; nil for the most probable.
  ///   - reference: What the contributions are measured against.
  ///   - groups: The document's features, grouped by token and word n-gram.
  ///   - tokens: The document's tokens, for the units' text and ranges.
  ///   - original: The UTF-8 input the tokens came from, to show tokens as written.
  func explanation(
    ofTask task: Int, label: LabelID?, reference: ExplanationReference, groups: FeatureGroups,
    tokens: TokenizedText, original: UnsafeRawBufferPointer?
  ) -> Explanation {
    let labels = manifest.tasks[task].labels
    let scores = scores(ofTask: task, features: groups.features)
    guard !scores.isEmpty else {
      return Explanation(
        task: manifest.tasks[task].name, label: "", probability: 0, reference: reference,
        referenceLabel: nil, margin: 0, featureCount: groups.features.count, contributions: [])
    }
    var probabilities = scores
    if let tree = trees[task] {
      probabilities = tree.probabilities(ofScores: scores)
    } else {
      // With metric-fitted biases the answered label is the biased one: scored as the
      // forward pass scores it, tempered, then biased.
      if let biases = manifest.tasks[task].biases, biases.count == probabilities.count {
        let inverse = 1 / temperature(ofTask: task)
        for index in probabilities.indices {
          probabilities[index] = probabilities[index] * inverse + biases[index]
        }
      }
      Softmax.apply(&probabilities)
    }
    let predicted = probabilities.withUnsafeBufferPointer { Softmax.mostProbable($0) }
    let chosen = label.map { Int($0.rawValue) } ?? predicted
    precondition(chosen >= 0 && chosen < scores.count, "label \(chosen) is not one of the task's")
    var rival: Int?
    if reference == .runnerUp {
      for index in scores.indices where index != chosen {
        if rival.map({ probabilities[index] > probabilities[$0] }) ?? true { rival = index }
      }
    }
    // The direction in input space along which the explained difference grows: w_c − w_r,
    // or for a tree head the signed sum of the path rows of c minus those of r.
    let head = heads[task]
    var rows: [(row: Int, weight: Double)] = [(chosen, 1)]
    if let tree = trees[task] {
      rows = tree.explainedRows(of: chosen, against: rival)
    } else if let rival {
      rows.append((rival, -1))
    }
    let direction = (0..<head.columns).map { column in
      rows.reduce(0.0) { $0 + $1.weight * Double(head[$1.row, column]) }
    }
    let margin = rows.reduce(0.0) { $0 + $1.weight * Double(scores[$1.row]) }
    let count = groups.features.count
    var contributions: [(order: Int, contribution: Contribution)] = []
    for group in 0..<groups.count {
      let features = groups.features(ofGroup: group)
      guard !features.isEmpty else { continue }
      let total = features.reduce(0) { $0 + rowScore(of: $1, task: task, along: direction) }
      // An n-gram never seen in training has a zero row: it is in the average but says nothing.
      guard total != 0 else { continue }
      let source = groups.sources[group]
      let (text, range) = Self.text(of: source, tokens: tokens, original: original)
      contributions.append(
        (
          group,
          Contribution(
            source: source, text: text, value: total / Double(count), originalRange: range,
            featureCount: features.count)
        ))
    }
    contributions.sort {
      $0.contribution.value != $1.contribution.value
        ? $0.contribution.value > $1.contribution.value : $0.order < $1.order
    }
    return Explanation(
      task: manifest.tasks[task].name, label: labels.labels[chosen],
      probability: Double(probabilities[chosen]), reference: reference,
      referenceLabel: rival.map { labels.labels[$0] },
      margin: margin,
      featureCount: count, contributions: contributions.map(\.contribution))
  }

  /// Task `task`'s score of every label for `features`, by the model's forward pass.
  private func scores(ofTask task: Int, features: [Int32]) -> [Float] {
    let labelCount = labelCount(ofTask: task)
    let scratch = ForwardScratch(dimension: dimension, labels: labelCount)
    var scores = [Float](repeating: 0, count: labelCount)
    features.withUnsafeBufferPointer { features in
      ForwardPass.encode(features, with: self, into: scratch.shared)
      let input = ForwardPass.input(
        ofTask: task, features: features, shared: scratch.shared, with: self,
        scratch: scratch.taskInput)
      scores.withUnsafeMutableBufferPointer { buffer in
        if let base = buffer.baseAddress { scoreLabels(ofTask: task, input: input, into: base) }
      }
    }
    return scores
  }

  /// `direction · row`, for feature `id`'s shared row plus, with a shared-private encoder, its
  /// private row of task `task`: what the feature adds to the score difference before the
  /// document's average divides by the feature count.
  private func rowScore(of id: Int32, task: Int, along direction: [Double]) -> Double {
    let shared = embeddings.row(Int(id))
    var total = 0.0
    for column in direction.indices { total += direction[column] * Double(shared[column]) }
    if privateBuckets > 0 {
      let row = privateEmbeddings[task].row(PrivateRows.row(of: id, buckets: privateBuckets))
      for (column, value) in zip(direction.indices, row) {
        total += direction[column] * Double(value)
      }
    }
    return total
  }

  /// A unit's text and its bytes in the input: the input's own bytes when they are given and
  /// the ranges fit them, the normalized tokens otherwise.
  private static func text(
    of source: FeatureSource, tokens: TokenizedText, original: UnsafeRawBufferPointer?
  ) -> (String, Range<Int>) {
    // The marker is in no token: it is shown as fastText shows it, and covers no bytes.
    if source == .documentMarker { return (Featurizer.markerText, 0..<0) }
    let spanned = source.tokenIndices.map { tokens.tokens[$0] }
    let texts = spanned.map { token in
      if let original, token.originalRange.upperBound <= original.count {
        return String(decoding: original[token.originalRange], as: UTF8.self)
      }
      return tokens.text(of: token)
    }
    let start = spanned.first?.originalRange.lowerBound ?? 0
    let end = spanned.last?.originalRange.upperBound ?? start
    return (texts.joined(separator: " "), start..<max(start, end))
  }
}
