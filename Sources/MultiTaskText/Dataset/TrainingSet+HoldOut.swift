/// Holding out part of the training data as dev data, for choosing the number of epochs when
/// no dev file is given.
extension TrainingSet {
  /// Splits off about `fraction` of the documents as dev data, stratified by label.
  ///
  /// Each document is assigned to the stratum of its first labelled task and that task's
  /// label; within each stratum the documents are shuffled with the seed's own stream and
  /// every stratum gives the same share (rounded, and at most all but one of its documents),
  /// so a rare label is held out in proportion and never vanishes from training. The split
  /// depends only on the seed and the data. Documents labelled for no task stay in training.
  ///
  /// - Parameters:
  ///   - fraction: The share to hold out, in 0..<1.
  ///   - seed: The training seed.
  /// - Returns: The remaining training set and the held-out documents as dev data; the dev
  ///   data is empty when no stratum is large enough to give a document.
  func holdingOut(fraction: Double, seed: UInt64) -> (TrainingSet, DevelopmentSet) {
    var strata: [Int: [Int]] = [:]
    for document in 0..<documentCount {
      guard let task = (0..<taskCount).first(where: { label(document: document, task: $0) >= 0 })
      else { continue }
      // A multi-label document is stratified by its first label, or as "none".
      var stratum = Int(label(document: document, task: task))
      if isMultiLabel(task) { stratum = labelList(Int32(stratum)).first.map { Int($0) } ?? -1 }
      strata[task * 1_000_000 + stratum, default: []].append(document)
    }
    var generator = SplitMix64(seed: seed, stream: .holdOut)
    var heldOut = [Bool](repeating: false, count: documentCount)
    for key in strata.keys.sorted() {
      guard var documents = strata[key] else { continue }
      generator.shuffle(&documents)
      let count = min(documents.count - 1, Int((Double(documents.count) * fraction).rounded()))
      for document in documents.prefix(max(0, count)) { heldOut[document] = true }
    }
    var kept = TrainingSet(taskCount: taskCount)
    kept.corpusStatistics = corpusStatistics
    // Kept documents' list indices still point into the same lists.
    kept.multiLabel = multiLabel
    kept.labelListValues = labelListValues
    kept.labelListOffsets = labelListOffsets
    var development = DevelopmentSet(taskCount: taskCount, multiLabel: multiLabel)
    for document in 0..<documentCount {
      let range = offsets[document]..<offsets[document + 1]
      if heldOut[document] {
        for task in 0..<taskCount where label(document: document, task: task) >= 0 {
          development.features.append(contentsOf: features[range])
          development.offsets.append(development.features.count)
          development.tasks.append(Int32(task))
          let value = label(document: document, task: task)
          development.labels.append(
            isMultiLabel(task) ? development.appendList(labelList(value), unseen: 0) : value)
        }
      } else {
        kept.features.append(contentsOf: features[range])
        kept.offsets.append(kept.features.count)
        kept.labels.append(
          contentsOf: labels[(document * taskCount)..<((document + 1) * taskCount)])
      }
    }
    kept.tokenCount = tokenCount
    return (kept, development)
  }
}
