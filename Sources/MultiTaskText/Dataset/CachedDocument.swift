/// How the on-disk caches lay out one document: the provisional cache that reading fills
/// (token ids) and the feature cache that training reads (feature ids) share it.
///
/// Each document is a run of 32-bit words:
///
/// ```
/// count                    number of ids at the end
/// label[0] … label[T-1]    per task: -1 unlabelled; a single-label task's label id;
///                          a multi-label task's number of labels n ≥ 0
/// list values              the n label ids of each labelled multi-label task, in task order
/// id[0] … id[count-1]      token or feature ids
/// ```
///
/// Everything a document needs travels with it, so a cache holds no per-document index in
/// memory: its size on disk, not in memory, grows with the corpus.
struct CachedDocument {
  /// The ids: token ids or feature ids.
  var ids: [Int32] = []
  /// One entry per task, as in the layout above.
  var labels: [Int32] = []
  /// The multi-label tasks' label ids, in task order.
  var listValues: [Int32] = []

  /// Forgets the document but keeps the buffers.
  mutating func removeAll() {
    ids.removeAll(keepingCapacity: true)
    labels.removeAll(keepingCapacity: true)
    listValues.removeAll(keepingCapacity: true)
  }

  /// Appends the document to `file`.
  func write(to file: CacheFile) throws(TrainingError) {
    try file.append(Int32(ids.count))
    try labels.withUnsafeBufferPointer { (words) throws(TrainingError) in
      try file.append(contentsOf: words)
    }
    try listValues.withUnsafeBufferPointer { (words) throws(TrainingError) in
      try file.append(contentsOf: words)
    }
    try ids.withUnsafeBufferPointer { (words) throws(TrainingError) in
      try file.append(contentsOf: words)
    }
  }

  /// Replaces this value with the next document of `cursor`.
  mutating func read(
    from cursor: inout CacheCursor, multiLabel: [Bool]
  ) throws(TrainingError) {
    removeAll()
    let count = Int(try cursor.next())
    var listed = 0
    for task in multiLabel.indices {
      let label = try cursor.next()
      labels.append(label)
      if multiLabel[task] && label > 0 { listed += Int(label) }
    }
    try cursor.append(listed, to: &listValues)
    try cursor.append(count, to: &ids)
  }
}
