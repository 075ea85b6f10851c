/// The documents read so far and held in memory, as provisional token ids (order of first
/// appearance in the vocabulary count) and provisional label ids, until the vocabulary and
/// label sets are final.
///
/// Tokenizing once and keeping 4-byte ids is what lets one reading be featurized several
/// times without the text. A multi-label task's entry in ``labels`` indexes a list of
/// provisional label ids instead of holding one.
struct ProvisionalDocuments {
  /// The number of tasks; each document has one label entry per task.
  let taskCount: Int
  /// Which tasks are multi-label.
  let multiLabel: [Bool]
  /// Every document's provisional token ids, laid end to end.
  var tokens: [Int32] = []
  /// Document `i`'s tokens are `tokens[tokenOffsets[i]..<tokenOffsets[i + 1]]`.
  private(set) var tokenOffsets: [Int] = [0]
  /// `taskCount` entries per document: -1, a provisional label id, or a list's index.
  private(set) var labels: [Int32] = []
  /// Multi-label documents' label lists, as provisional label ids, one after another.
  private(set) var listValues: [Int32] = []
  /// Where each list starts in `listValues`, with a final end offset.
  private(set) var listOffsets: [Int] = [0]

  init(taskCount: Int, multiLabel: [Bool]) {
    self.taskCount = taskCount
    self.multiLabel = multiLabel
  }

  /// The number of documents held.
  var documentCount: Int { tokenOffsets.count - 1 }

  /// Document `document`'s provisional token ids.
  func tokens(ofDocument document: Int) -> ArraySlice<Int32> {
    tokens[tokenOffsets[document]..<tokenOffsets[document + 1]]
  }

  /// Ends the document whose tokens were just appended to ``tokens``, unlabelled for every
  /// task, and returns its index.
  mutating func endDocument() -> Int {
    tokenOffsets.append(tokens.count)
    labels.append(contentsOf: repeatElement(-1, count: taskCount))
    return documentCount - 1
  }

  /// Sets document `document`'s labels for `task`: the first id for a single-label task, a
  /// new list of them for a multi-label one.
  mutating func setLabels(_ ids: [Int32], ofDocument document: Int, task: Int) {
    guard multiLabel[task] else {
      labels[document * taskCount + task] = ids[0]
      return
    }
    listValues.append(contentsOf: ids)
    listOffsets.append(listValues.count)
    labels[document * taskCount + task] = Int32(listOffsets.count - 2)
  }

  /// Appends document `index`'s provisional labels to `document`, in ``CachedDocument``'s
  /// convention: a multi-label entry becomes its list's length, the list's ids follow in
  /// task order.
  func appendCachedLabels(ofDocument index: Int, to document: inout CachedDocument) {
    for task in 0..<taskCount {
      let value = labels[index * taskCount + task]
      if multiLabel[task] && value >= 0 {
        let list = listValues[listOffsets[Int(value)]..<listOffsets[Int(value) + 1]]
        document.listValues.append(contentsOf: list)
        document.labels.append(Int32(list.count))
      } else {
        document.labels.append(value)
      }
    }
  }

  /// Forgets every document, once they have moved to disk.
  mutating func removeAll() {
    tokens = []
    tokenOffsets = [0]
    labels = []
    listValues = []
    listOffsets = [0]
  }
}
