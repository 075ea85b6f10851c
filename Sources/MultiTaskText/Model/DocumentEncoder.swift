/// Raw text to feature ids, the way a model's manifest says: the text pipeline, vocabulary
/// lookup and the featurizer, with every buffer reused between documents.
///
/// Training and prediction share this type, so the features seen at prediction are exactly
/// those seen in training. One instance per thread.
public final class DocumentEncoder {
  /// The text stage.
  public let pipeline: TextPipeline
  let featurizer: Featurizer
  private var tokenized = TokenizedText()
  /// The last document as the featurizer read it; explanations regroup its features.
  private(set) var encoded = EncodedDocument()
  /// The features of the last encoded document.
  public private(set) var features: [Int32] = []

  /// Opens the text pipeline for `manifest`'s settings.
  ///
  /// - Parameters:
  ///   - manifest: The model's recipe.
  ///   - vocabularySize: The number of known words, where n-gram buckets start.
  /// - Throws: ``ModelError`` when ICU or the feature settings cannot be opened.
  public convenience init(manifest: ModelManifest, vocabularySize: Int) throws(ModelError) {
    try self.init(
      text: TextConfiguration(normalizer: manifest.normalizer, tokenizer: manifest.tokenizer),
      features: manifest.features, vocabularySize: vocabularySize)
  }

  /// Opens the text pipeline for text and feature settings, before there is a manifest
  /// (dev documents are encoded while the model trains).
  ///
  /// - Parameters:
  ///   - text: How text is normalized and tokenized.
  ///   - features: The resolved feature settings.
  ///   - vocabularySize: The number of known words, where n-gram buckets start.
  /// - Throws: ``ModelError`` when ICU or the feature settings cannot be opened.
  public init(
    text: TextConfiguration, features: FeatureConfiguration, vocabularySize: Int
  ) throws(ModelError) {
    do {
      pipeline = try TextPipeline(normalizer: text.normalizer, tokenizer: text.tokenizer)
    } catch { throw .textPipeline(error) }
    do {
      featurizer = try Featurizer(configuration: features, vocabularySize: vocabularySize)
    } catch { throw .features(error) }
  }

  /// The last document's tokens, for callers that want them too.
  public var tokens: TokenizedText { tokenized }

  /// Encodes UTF-8 `bytes` into ``features``, looking tokens up in `vocabulary`.
  ///
  /// - Throws: ``TextError`` when the text cannot be prepared.
  public func encode(
    _ bytes: UnsafeRawBufferPointer, vocabulary: Vocabulary
  ) throws(TextError) {
    try pipeline.tokenize(bytes, into: &tokenized)
    // The loop works on local values, taken out of the object and put back after: each
    // access to a stored property of a class is checked for exclusivity at run time, and a
    // document has dozens of tokens.
    var document = EncodedDocument()
    swap(&document, &encoded)
    document.removeAll()
    let tokenized = tokenized
    for token in tokenized.tokens {
      tokenized.withUTF8(of: token) { utf8 in
        let hash = FNV1a.hash(UnsafeRawBufferPointer(utf8))
        document.append(vocabulary.id(of: utf8, hash: hash), utf8: utf8, hash: hash)
      }
    }
    features.removeAll(keepingCapacity: true)
    featurizer.appendFeatures(of: document, to: &features)
    encoded = document
  }
}
