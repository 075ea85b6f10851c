/// The documents read after memory ran out, in a temporary file in ``CachedDocument``'s
/// layout, with the documents read before, moved there when it did.
///
/// Once the provisional tokens pass half of `training.memoryBudget`, every document goes
/// here instead of memory; featurizing then reads them back one at a time.
struct DocumentSpill {
  /// The (unlinked) file.
  let file: CacheFile
  /// The documents written.
  private(set) var documentCount = 0
  /// Their tokens.
  private(set) var tokenCount = 0
  /// The next document to write: its provisional token ids, labels and lists.
  var document = CachedDocument()

  /// Creates the file in `directory` and moves every document of `documents` into it, in
  /// order.
  ///
  /// - Throws: ``TrainingError/cache(directory:problem:)`` when it cannot be written.
  init(directory: String, movingIn documents: ProvisionalDocuments) throws(TrainingError) {
    file = try CacheFile(directory: directory)
    var moved = CachedDocument()
    for index in 0..<documents.documentCount {
      moved.removeAll()
      moved.ids.append(contentsOf: documents.tokens(ofDocument: index))
      documents.appendCachedLabels(ofDocument: index, to: &moved)
      try write(moved)
    }
  }

  /// Empties ``document`` for the next one, unlabelled for each of `taskCount` tasks.
  mutating func startDocument(taskCount: Int) {
    document.removeAll()
    document.labels.append(contentsOf: repeatElement(-1, count: taskCount))
  }

  /// Sets ``document``'s labels for `task`: the first id for a single-label task; for a
  /// multi-label one the list's length, with the ids after the earlier tasks' lists.
  mutating func setLabels(_ ids: [Int32], task: Int, multiLabel: Bool) {
    guard multiLabel else {
      document.labels[task] = ids[0]
      return
    }
    document.listValues.append(contentsOf: ids)
    document.labels[task] = Int32(ids.count)
  }

  /// Writes ``document`` and counts it.
  ///
  /// - Throws: ``TrainingError/cache(directory:problem:)`` when it cannot be written.
  mutating func writeDocument() throws(TrainingError) {
    try write(document)
  }

  private mutating func write(_ document: CachedDocument) throws(TrainingError) {
    try document.write(to: file)
    documentCount += 1
    tokenCount += document.ids.count
  }

  /// Calls `body` with every document, in the order written.
  ///
  /// - Throws: ``TrainingError/cache(directory:problem:)`` when the file cannot be read, or
  ///   what `body` throws.
  func forEachDocument(
    multiLabel: [Bool], _ body: (CachedDocument) throws(TrainingError) -> Void
  ) throws(TrainingError) {
    try file.flush()
    var cursor = CacheCursor(file)
    var document = CachedDocument()
    for _ in 0..<documentCount {
      try document.read(from: &cursor, multiLabel: multiLabel)
      try body(document)
    }
  }
}
