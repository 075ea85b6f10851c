import MultiTaskText

/// A run of documents read ahead for `mtl predict`: their bytes end to end, with each one's
/// identifier and location, so that threads can predict them while the batch stays bounded.
///
/// The batch is emptied and refilled with its capacity kept, so reading the next documents
/// allocates only while the buffers grow.
struct PredictionBatch {
  /// Every document's UTF-8 bytes, end to end.
  private var bytes: [UInt8] = []
  /// Where each document starts in ``bytes``, and one more for where the last ends.
  private var starts: [Int] = [0]
  /// Each document's `--id-field` value, when that option is given.
  private(set) var identifiers: [String?] = []
  /// Each document's file and line, for error messages.
  private(set) var locations: [CorpusLocation] = []
  /// The most documents a batch holds.
  let documentLimit: Int
  /// The bytes past which a batch is full, so a file of long documents stays bounded too.
  let byteLimit: Int

  /// An empty batch that is full at `documentLimit` documents or `byteLimit` bytes.
  init(documentLimit: Int = 4096, byteLimit: Int = 4 << 20) {
    self.documentLimit = documentLimit
    self.byteLimit = byteLimit
  }

  /// The number of documents.
  var count: Int { locations.count }

  /// Whether the batch should be predicted before more documents are added.
  var isFull: Bool { count >= documentLimit || bytes.count >= byteLimit }

  /// Adds a document.
  mutating func append(
    _ text: UnsafeRawBufferPointer, identifier: String?, keepsIdentifier: Bool,
    location: CorpusLocation
  ) {
    bytes.append(contentsOf: text)
    starts.append(bytes.count)
    if keepsIdentifier { identifiers.append(identifier) }
    locations.append(location)
  }

  /// Forgets every document, keeping the buffers' capacity.
  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    starts.removeAll(keepingCapacity: true)
    starts.append(0)
    identifiers.removeAll(keepingCapacity: true)
    locations.removeAll(keepingCapacity: true)
  }

  /// Calls `body` with document `index`'s bytes, valid only during the call.
  func withDocument<Result, Failure: Error>(
    _ index: Int, _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    let start = starts[index]
    let end = starts[index + 1]
    return try bytes.withUnsafeBufferPointer { (all) throws(Failure) in
      try body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: all[start..<end])))
    }
  }
}
