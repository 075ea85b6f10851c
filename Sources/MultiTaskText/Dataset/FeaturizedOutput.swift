/// Where ``TrainingSetBuilder/finish(features:characterNgrams:threads:)`` puts featurized documents: a
/// ``TrainingSet`` in memory, until its features pass half the memory budget, and from then
/// on a ``FeatureCache`` on disk, which takes the documents already featurized too.
///
/// Labels arrive as provisional ids in ``CachedDocument``'s convention (a multi-label task's
/// entry is its list's length, the lists follow in task order) and leave as final ids, each
/// list sorted, so a set built in memory is exactly the one built before caches existed.
struct FeaturizedOutput {
  var set: TrainingSet
  private let multiLabel: [Bool]
  /// The budget that moves the features to a cache, and where the cache goes.
  private let diskCache: DiskCachePolicy
  /// How many documents will come, to size the cache's shards.
  private let expectedDocuments: Int
  private var cache: FeatureCache?
  /// When set, the words the cache will hold: every document goes straight to it.
  private let cachedWords: Int?
  private var document = CachedDocument()
  private var remapped: [Int32] = []

  init(
    taskCount: Int, multiLabel: [Bool], diskCache: DiskCachePolicy, expectedDocuments: Int,
    cachedWords: Int? = nil
  ) {
    self.cachedWords = cachedWords
    set = TrainingSet(taskCount: taskCount)
    set.multiLabel = multiLabel
    self.multiLabel = multiLabel
    self.diskCache = diskCache
    self.expectedDocuments = expectedDocuments
  }

  /// Featurizes `encoded` and adds it with its labels.
  ///
  /// - Parameters:
  ///   - encoded: The document's tokens.
  ///   - featurizer: The featurizer of the final vocabulary.
  ///   - labels: One entry per task: -1, a provisional label id, or a list's length.
  ///   - lists: The multi-label tasks' provisional label ids, in task order.
  ///   - labelRemap: Per task, each provisional label id's final id.
  mutating func append(
    _ encoded: EncodedDocument, featurizer: Featurizer, labels: [Int32], lists: [Int32],
    labelRemap: [[Int32]]
  ) throws(TrainingError) {
    // The sorting buffer is borrowed for the call, so the label closures below may write
    // to the rest of `self`.
    var scratch: [Int32] = []
    swap(&scratch, &remapped)
    defer { swap(&scratch, &remapped) }
    if cache == nil, let cachedWords {
      cache = try FeatureCache(
        estimatedWords: cachedWords, directory: diskCache.directory, multiLabel: multiLabel,
        seed: diskCache.seed)
    }
    if let cache {
      document.removeAll()
      featurizer.appendFeatures(of: encoded, to: &document.ids)
      Self.finalLabels(
        labels, lists: lists, labelRemap: labelRemap, multiLabel: multiLabel, scratch: &scratch
      ) { label, list in
        document.labels.append(list.map { Int32($0.count) } ?? label)
        if let list { document.listValues.append(contentsOf: list) }
      }
      try cache.append(document)
      return
    }
    featurizer.appendFeatures(of: encoded, to: &set.features)
    set.offsets.append(set.features.count)
    Self.finalLabels(
      labels, lists: lists, labelRemap: labelRemap, multiLabel: multiLabel, scratch: &scratch
    ) { label, list in
      guard let list else {
        set.labels.append(label)
        return
      }
      set.labels.append(Int32(set.labelListOffsets.count - 1))
      set.labelListValues.append(contentsOf: list)
      set.labelListOffsets.append(set.labelListValues.count)
    }
    if let memoryBudget = diskCache.memoryBudget,
      set.features.count * MemoryLayout<Int32>.stride > memoryBudget / 2
    {
      try moveToCache()
    }
  }

  /// Calls `body` with each task's final label, or with its final list, sorted, made in
  /// `scratch`.
  private static func finalLabels(
    _ labels: [Int32], lists: [Int32], labelRemap: [[Int32]], multiLabel: [Bool],
    scratch remapped: inout [Int32], _ body: (Int32, [Int32]?) -> Void
  ) {
    var start = 0
    for task in labels.indices {
      let value = labels[task]
      if multiLabel[task] && value >= 0 {
        remapped.removeAll(keepingCapacity: true)
        for label in lists[start..<(start + Int(value))] {
          remapped.append(labelRemap[task][Int(label)])
        }
        remapped.sort()
        start += Int(value)
        body(0, remapped)
      } else {
        body(value >= 0 ? labelRemap[task][Int(value)] : -1, nil)
      }
    }
  }

  /// Moves the documents featurized so far into a new cache, where every later one goes.
  private mutating func moveToCache() throws(TrainingError) {
    let done = set.documentCount
    let wordsPerDocument = (set.features.count + done * (set.taskCount + 1)) / max(1, done) + 1
    let cache = try FeatureCache(
      estimatedWords: wordsPerDocument * max(done, expectedDocuments),
      directory: diskCache.directory, multiLabel: multiLabel, seed: diskCache.seed)
    for index in 0..<done {
      set.cachedDocument(index, into: &document)
      try cache.append(document)
    }
    set.features = []
    set.offsets = [0]
    set.labels = []
    set.labelListValues = []
    set.labelListOffsets = [0]
    self.cache = cache
  }

  /// The finished set, its cache flushed when it has one.
  consuming func finish() throws(TrainingError) -> TrainingSet {
    if let cache {
      try cache.finishWriting()
      set.cache = cache
    }
    return set
  }
}
