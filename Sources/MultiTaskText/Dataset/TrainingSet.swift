/// The training corpora, featurized once: every document's feature ids in one flat buffer,
/// and its label for each task (or -1 where the document has none).
///
/// Tokenizing once and keeping compact ids, instead of re-reading text every epoch, is what
/// makes epochs cheap; 4 bytes per feature is the whole memory cost of the corpus.
///
/// That cost grows with the corpus, so it is bounded by `training.memoryBudget`: a corpus
/// whose features pass half the budget keeps them in a feature cache on disk instead, the
/// arrays below stay empty, and training loads one shard at a time (`TrainingSet+Cache.swift`).
/// Measured on a 1 GiB JSONL corpus (181 M tokens, 3.75 M documents, bigrams, 1 M buckets,
/// dimension 50, model 233 MiB): peak RSS 346 MiB with the cache against 2,236 MiB without,
/// and fastText's 381 MiB (`Benchmarks/large-corpus-memory.sh`, `docs/RELIABILITY.md`).
public struct TrainingSet: Sendable {
  /// Feature ids of all documents, laid end to end.
  public internal(set) var features: [Int32] = []
  /// Document `i`'s features are `features[offsets[i]..<offsets[i + 1]]`.
  public internal(set) var offsets: [Int] = [0]
  /// Labels, `taskCount` per document; -1 where the document is unlabelled for a task.
  public internal(set) var labels: [Int32] = []
  /// The number of tasks.
  public let taskCount: Int
  /// Which tasks are multi-label. Their entries in ``labels`` are not label ids but the
  /// index of the document's list in ``labelListOffsets``; -1 still means unlabelled, and
  /// an empty list means labelled with none of the labels.
  public internal(set) var multiLabel: [Bool] = []
  /// Every multi-label list's label ids, sorted within each list, one list after another.
  public internal(set) var labelListValues: [Int32] = []
  /// Where each list starts in ``labelListValues``, with a final end offset.
  public internal(set) var labelListOffsets: [Int] = [0]
  /// The total number of tokens, for throughput reports.
  public internal(set) var tokenCount = 0
  /// What reading each task's training file counted (skipped records, repaired lines), in
  /// task order.
  public internal(set) var corpusStatistics: [CorpusStatistics] = []
  /// The documents, on disk, when the corpus is larger than `training.memoryBudget`; the
  /// arrays above are then empty, and training loads one shard at a time (see
  /// `TrainingSet+Cache.swift`).
  var cache: FeatureCache?
  /// How many of the cache's documents, the first in shard order, were held out as dev data.
  var heldOutDocuments = 0
  /// The row every cached feature id maps to as a shard is loaded: the trainer's packed
  /// rows, which the in-memory arrays get by rewriting.
  var rowRemap: [Int32]?

  init(taskCount: Int) {
    self.taskCount = taskCount
    multiLabel = Array(repeating: false, count: taskCount)
  }

  /// Whether `task` is multi-label.
  func isMultiLabel(_ task: Int) -> Bool { task < multiLabel.count && multiLabel[task] }

  /// The label ids of list `list`, sorted.
  func labelList(_ list: Int32) -> ArraySlice<Int32> {
    labelListValues[labelListOffsets[Int(list)]..<labelListOffsets[Int(list) + 1]]
  }

  /// The number of documents.
  public var documentCount: Int {
    cache.map { $0.documentCount - heldOutDocuments } ?? offsets.count - 1
  }

  /// Whether the documents are in a cache on disk rather than in the arrays above, because
  /// the corpus is larger than `training.memoryBudget`.
  public var isCached: Bool { cache != nil }

  /// The label of document `document` for task `task`, or -1.
  public func label(document: Int, task: Int) -> Int32 { labels[document * taskCount + task] }

  /// The documents labelled for each task; empty lists for a cached set, whose documents
  /// are counted per shard.
  public func documentsByTask() -> [[Int32]] {
    var result = [[Int32]](repeating: [], count: taskCount)
    for document in 0..<(offsets.count - 1) {
      for task in 0..<taskCount where label(document: document, task: task) >= 0 {
        result[task].append(Int32(document))
      }
    }
    return result
  }

  /// How many documents carry each label, per task; all zero for a cached set (training
  /// counts those with `countingLabels(labelsPerTask:)`).
  public func labelCounts(labelsPerTask: [Int]) -> [[Int]] {
    var counts = labelsPerTask.map { [Int](repeating: 0, count: $0) }
    for document in 0..<(offsets.count - 1) {
      for task in 0..<taskCount {
        let label = label(document: document, task: task)
        guard label >= 0 else { continue }
        if isMultiLabel(task) {
          for member in labelList(label) { counts[task][Int(member)] += 1 }
        } else {
          counts[task][Int(label)] += 1
        }
      }
    }
    return counts
  }
}
