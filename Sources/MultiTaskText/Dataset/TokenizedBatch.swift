/// Documents tokenized away from the ``TrainingSetBuilder``: each token's bytes and FNV-1a
/// hash, document after document, or the text error a document failed with.
///
/// Tokenizing (ICU normalization and segmentation) is most of the cost of reading a corpus
/// and needs nothing but the text, so threads tokenize batches side by side, each with its
/// own ``TextPipeline``. Counting the vocabulary gives provisional ids in order of first
/// appearance, so it stays one ordered pass: the builder takes the batches in file order
/// (``TrainingSetBuilder/add(_:tokenized:mergingByLocation:)``), and the vocabulary, the
/// features and the model come out byte for byte as if each document had been tokenized
/// where it was added.
struct TokenizedBatch: Sendable {
  /// The bytes of every token, one after another.
  private var utf8: [UInt8] = []
  /// Where each token's bytes end in `utf8`.
  private var tokenEnds: [Int] = []
  /// Each token's FNV-1a hash.
  private var hashes: [UInt32] = []
  /// Where each document's tokens end, as token indices.
  private var documentEnds: [Int] = []
  /// The documents whose text could not be prepared, by index, with the reason.
  private var failures: [Int: TextError] = [:]

  /// An empty batch.
  init() {}

  /// The number of documents.
  var documentCount: Int { documentEnds.count }

  /// Tokenizes `text` with `pipeline` and appends it as the next document; a text error is
  /// kept for that document rather than thrown, so the builder reports it in file order.
  ///
  /// - Parameters:
  ///   - text: The document's text.
  ///   - pipeline: This thread's text pipeline.
  ///   - scratch: Reused from document to document.
  mutating func append(
    _ text: String, pipeline: TextPipeline, scratch: inout TokenizedText
  ) {
    var text = text
    do {
      try text.withUTF8Bytes { (bytes) throws(TextError) in
        try pipeline.tokenize(bytes, into: &scratch)
      }
      for token in scratch.tokens {
        scratch.withUTF8(of: token) { bytes in
          utf8.append(contentsOf: bytes)
          hashes.append(FNV1a.hash(UnsafeRawBufferPointer(bytes)))
        }
        tokenEnds.append(utf8.count)
      }
    } catch {
      failures[documentCount] = error
    }
    documentEnds.append(tokenEnds.count)
  }

  /// Why document `document` has no tokens, when its text could not be prepared.
  func failure(ofDocument document: Int) -> TextError? { failures[document] }

  /// The token indices of document `document`.
  func tokens(ofDocument document: Int) -> Range<Int> {
    (document == 0 ? 0 : documentEnds[document - 1])..<documentEnds[document]
  }

  /// Calls `body` with each token of document `document`: its bytes and its hash.
  func forEachToken(
    ofDocument document: Int, _ body: (UnsafeBufferPointer<UInt8>, UInt32) -> Void
  ) {
    let range = tokens(ofDocument: document)
    guard !range.isEmpty else { return }
    utf8.withUnsafeBufferPointer { bytes in
      var start = range.lowerBound == 0 ? 0 : tokenEnds[range.lowerBound - 1]
      for token in range {
        let end = tokenEnds[token]
        body(UnsafeBufferPointer(rebasing: bytes[start..<end]), hashes[token])
        start = end
      }
    }
  }

  /// Document `document` alone, as a batch of one; kept for a document added later than
  /// its batch (a shared file's record that only a later task labels), so the rest of the
  /// batch can be freed.
  func extracting(document: Int) -> TokenizedBatch {
    var single = TokenizedBatch()
    if let failure = failures[document] { single.failures[0] = failure }
    forEachToken(ofDocument: document) { bytes, hash in
      single.utf8.append(contentsOf: bytes)
      single.tokenEnds.append(single.utf8.count)
      single.hashes.append(hash)
    }
    single.documentEnds.append(single.tokenEnds.count)
    return single
  }
}

/// One document of a ``TokenizedBatch``: what the builder's parallel entry point takes.
struct TokenizedDocument: Sendable {
  /// The batch holding the document.
  var batch: TokenizedBatch
  /// The document's index in it.
  var index: Int

  /// This document in a batch of its own (see ``TokenizedBatch/extracting(document:)``).
  func detached() -> TokenizedDocument {
    TokenizedDocument(batch: batch.extracting(document: index), index: 0)
  }
}
