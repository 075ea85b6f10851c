/// Turns an example's text into tokens with the training text pipeline, reusing one buffer.
///
/// The pipeline reads its corpora on several threads and hands over documents already
/// tokenized (``TokenizedDocument``); this type tokenizes the others, such as examples held
/// in memory, the same way.
struct DocumentTokenizer {
  private let pipeline: TextPipeline
  /// The last document's tokens.
  private(set) var tokenized = TokenizedText()

  /// Opens the text pipeline of `text`.
  ///
  /// - Throws: ``TrainingError/model(_:)`` when ICU cannot open it.
  init(text: TextConfiguration) throws(TrainingError) {
    do {
      pipeline = try TextPipeline(normalizer: text.normalizer, tokenizer: text.tokenizer)
    } catch { throw .model(.textPipeline(error)) }
  }

  /// Tokenizes `example`'s text into ``tokenized``.
  ///
  /// - Throws: ``TrainingError/text(location:error:)`` naming the example's location.
  mutating func tokenize(_ example: Example) throws(TrainingError) {
    var text = example.text
    do {
      try text.withUTF8Bytes { (bytes) throws(TextError) in
        try pipeline.tokenize(bytes, into: &tokenized)
      }
    } catch {
      throw .text(location: example.location, error: error)
    }
  }
}
