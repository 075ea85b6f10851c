/// The training corpora, featurized once: every document's feature ids in one flat buffer,
/// and its label for each task (or -1 where the document has none).
///
/// Tokenizing once and keeping compact ids, instead of re-reading text every epoch, is what
/// makes epochs cheap; 4 bytes per feature is the whole memory cost of the corpus.
public struct TrainingSet: Sendable {
  /// Feature ids of all documents, laid end to end.
  public internal(set) var features: [Int32] = []
  /// Document `i`'s features are `features[offsets[i]..<offsets[i + 1]]`.
  public internal(set) var offsets: [Int] = [0]
  /// Labels, `taskCount` per document; -1 where the document is unlabelled for a task.
  public internal(set) var labels: [Int32] = []
  /// The number of tasks.
  public let taskCount: Int
  /// The total number of tokens, for throughput reports.
  public internal(set) var tokenCount = 0

  init(taskCount: Int) { self.taskCount = taskCount }

  /// The number of documents.
  public var documentCount: Int { offsets.count - 1 }

  /// The label of document `document` for task `task`, or -1.
  public func label(document: Int, task: Int) -> Int32 { labels[document * taskCount + task] }

  /// Replaces every feature id with `rows[id]`: training renumbers the rows it uses.
  mutating func remapFeatures(_ rows: [Int32]) {
    features.withUnsafeMutableBufferPointer { features in
      for index in features.indices { features[index] = rows[Int(features[index])] }
    }
  }

  /// The documents labelled for each task.
  public func documentsByTask() -> [[Int32]] {
    var result = [[Int32]](repeating: [], count: taskCount)
    for document in 0..<documentCount {
      for task in 0..<taskCount where label(document: document, task: task) >= 0 {
        result[task].append(Int32(document))
      }
    }
    return result
  }

  /// How many documents carry each label, per task.
  public func labelCounts(labelsPerTask: [Int]) -> [[Int]] {
    var counts = labelsPerTask.map { [Int](repeating: 0, count: $0) }
    for document in 0..<documentCount {
      for task in 0..<taskCount {
        let label = label(document: document, task: task)
        if label >= 0 { counts[task][Int(label)] += 1 }
      }
    }
    return counts
  }
}
