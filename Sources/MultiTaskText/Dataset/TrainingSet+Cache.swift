/// What training does with a set whose documents are in a ``FeatureCache``: load a shard as
/// an in-memory block, count labels and rows by streaming, and hold out dev data.
extension TrainingSet {
  /// The most documents a cached set holds out as dev data when no dev file is given: enough
  /// to rank epochs, and bounded, since the dev set stays in memory.
  static let largestCachedHoldOut = 50_000

  /// The documents of shard `shard` as an in-memory set, held-out documents left out and
  /// features mapped through the trainer's rows.
  func cachedBlock(_ shard: Int) throws(TrainingError) -> TrainingSet {
    var block = TrainingSet(taskCount: taskCount)
    block.multiLabel = multiLabel
    guard let cache else { return block }
    try cache.forEachDocument(inShard: shard, skipping: heldOutSkip(shard: shard, cache: cache)) {
      block.append($0, remap: rowRemap)
    }
    return block
  }

  /// Calls `body` with every document of the cache that training keeps, shard by shard.
  func forEachCachedDocument(
    _ body: (borrowing CachedDocument) throws(TrainingError) -> Void
  ) throws(TrainingError) {
    guard let cache else { return }
    for shard in 0..<cache.shardCount {
      try cache.forEachDocument(
        inShard: shard, skipping: heldOutSkip(shard: shard, cache: cache), body)
    }
  }

  /// How many documents at the start of `shard` were held out.
  private func heldOutSkip(shard: Int, cache: FeatureCache) -> Int {
    let before = cache.shardDocuments[..<shard].reduce(0, +)
    return max(0, min(cache.shardDocuments[shard], heldOutDocuments - before))
  }

  /// How many documents carry each label, per task, for a set in memory or in a cache.
  func countingLabels(labelsPerTask: [Int]) throws(TrainingError) -> [[Int]] {
    guard isCached else { return labelCounts(labelsPerTask: labelsPerTask) }
    var counts = labelsPerTask.map { [Int](repeating: 0, count: $0) }
    try forEachCachedDocument { document in
      var list = 0
      for task in 0..<taskCount {
        let label = document.labels[task]
        guard label >= 0 else { continue }
        if multiLabel[task] {
          for member in document.listValues[list..<(list + Int(label))] {
            counts[task][Int(member)] += 1
          }
          list += Int(label)
        } else {
          counts[task][Int(label)] += 1
        }
      }
    }
    return counts
  }

  /// Which of the `rows` rows of the full table the training documents use.
  func usedRows(rows: Int) throws(TrainingError) -> [Bool] {
    var used = [Bool](repeating: false, count: rows)
    guard isCached else {
      for id in features { used[Int(id)] = true }
      return used
    }
    try forEachCachedDocument { document in
      for id in document.ids { used[Int(id)] = true }
    }
    return used
  }

  /// Holds out the first documents of the cache as dev data: `fraction` of them, at most
  /// ``largestCachedHoldOut``.
  ///
  /// The shards are random samples of the corpus, so their first documents are too; the
  /// split is not stratified by label as the in-memory one is, which a corpus large enough
  /// for a cache does not need. Nothing is rewritten: the kept set skips the held-out
  /// documents as it loads its shards.
  func holdingOutCached(fraction: Double) throws(TrainingError) -> (TrainingSet, DevelopmentSet) {
    var kept = self
    var development = DevelopmentSet(taskCount: taskCount, multiLabel: multiLabel)
    let count = min(
      Self.largestCachedHoldOut, Int((Double(documentCount) * fraction).rounded()))
    guard let cache, count > 0 else { return (kept, development) }
    var left = count
    for shard in 0..<cache.shardCount where left > 0 {
      let take = min(left, cache.shardDocuments[shard])
      try cache.forEachDocument(inShard: shard, limit: take) { document in
        development.append(document)
      }
      left -= take
    }
    kept.heldOutDocuments = heldOutDocuments + count - left
    return (kept, development)
  }

  /// Replaces `document` with in-memory document `index`, in the cache's convention: the
  /// inverse of ``append(_:remap:)``.
  func cachedDocument(_ index: Int, into document: inout CachedDocument) {
    document.removeAll()
    document.ids.append(contentsOf: features[offsets[index]..<offsets[index + 1]])
    for task in 0..<taskCount {
      let value = label(document: index, task: task)
      if isMultiLabel(task) && value >= 0 {
        let list = labelList(value)
        document.labels.append(Int32(list.count))
        document.listValues.append(contentsOf: list)
      } else {
        document.labels.append(value)
      }
    }
  }

  /// Appends a cached document, its label lists renumbered into this set's lists.
  mutating func append(_ document: borrowing CachedDocument, remap: [Int32]?) {
    if let remap {
      for id in document.ids { features.append(remap[Int(id)]) }
    } else {
      features.append(contentsOf: document.ids)
    }
    offsets.append(features.count)
    var list = 0
    for task in 0..<taskCount {
      let label = document.labels[task]
      if multiLabel[task] && label >= 0 {
        labelListValues.append(contentsOf: document.listValues[list..<(list + Int(label))])
        labelListOffsets.append(labelListValues.count)
        labels.append(Int32(labelListOffsets.count - 2))
        list += Int(label)
      } else {
        labels.append(label)
      }
    }
  }
}

extension DevelopmentSet {
  /// Appends a cached training document as one dev document per task it is labelled for.
  mutating func append(_ document: borrowing CachedDocument) {
    var list = 0
    for task in 0..<taskCount {
      let label = document.labels[task]
      guard label >= 0 else { continue }
      features.append(contentsOf: document.ids)
      offsets.append(features.count)
      tasks.append(Int32(task))
      if multiLabel[task] {
        labels.append(
          appendList(document.listValues[list..<(list + Int(label))], unseen: 0))
        list += Int(label)
      } else {
        labels.append(label)
      }
    }
  }
}
