/// Turns an encoded document into the rows of the embedding matrix that represent it.
///
/// The features of a document are, in this order:
/// 1. for each token, its vocabulary id (a word's row is its token id) when it is in the
///    vocabulary, followed by its character n-grams when they are turned on;
/// 2. for each start position, the hashed word n-grams of length 2 through `wordNgrams`.
///
/// N-grams use the hashing trick: instead of a vocabulary of all n-grams, each is hashed into
/// one of `buckets` rows placed after the vocabulary's rows (`vocabularySize + hash % buckets`).
/// Memory is fixed whatever the corpus, and n-grams never seen in training still get a row.
/// The price: unrelated n-grams that collide share a row and blur each other, more so with
/// fewer buckets, and there is no inverse, so a row cannot be traced back to the n-grams
/// that trained it.
///
/// Word n-grams fold token hashes as fastText does, `h = h &* 116049371 &+ next` over 64 bits,
/// starting from the first token's hash. Out-of-vocabulary tokens take part through their
/// hash, as in fastText: "not bad" keeps its bigram even when "bad" was too rare to keep as
/// a word. Unlike fastText, 32-bit hashes widen to 64 bits without sign extension.
///
/// Character n-grams are taken over the Unicode scalars of `<` + token + `>`, with lengths
/// `minCharNgram...maxCharNgram` counted in scalars; the markers alone are never an n-gram.
/// Each is hashed with FNV-1a over its UTF-8 bytes, read straight from the document's bytes.
public struct Featurizer: Sendable, Equatable {
  /// The recipe, saved with the model.
  public let configuration: FeatureConfiguration
  /// The number of words, which is also the first row of the hashed buckets.
  public let vocabularySize: Int

  /// The number of rows the embedding matrix needs: the words, then the buckets.
  public var featureCount: Int { vocabularySize + configuration.buckets }

  static let wordNgramMultiplier: UInt64 = 116_049_371
  static let beginMarker = UInt8(ascii: "<")
  static let endMarker = UInt8(ascii: ">")

  /// Creates a featurizer for a vocabulary of `vocabularySize` words.
  ///
  /// - Throws: `FeatureConfigurationError` when the configuration is invalid or the feature
  ///   ids would not fit in an `Int32`.
  public init(
    configuration: FeatureConfiguration, vocabularySize: Int
  ) throws(FeatureConfigurationError) {
    try configuration.validate()
    if vocabularySize < 0 || vocabularySize > ModelLimits.maximumRows - configuration.buckets {
      throw .tooManyFeatures(vocabularySize: vocabularySize, buckets: configuration.buckets)
    }
    self.configuration = configuration
    self.vocabularySize = vocabularySize
  }

  /// Appends the feature ids of `document` to `features`, leaving what is already there.
  ///
  /// The ids are embedding row numbers, kept as bare `Int32` because they feed the kernels
  /// directly. Nothing is allocated once `features` has grown to its working size.
  ///
  /// - Parameters:
  ///   - document: The tokens, whose ids must be below `vocabularySize`.
  ///   - features: A reusable buffer; call `removeAll(keepingCapacity: true)` between
  ///     documents to start afresh.
  public func appendFeatures(of document: EncodedDocument, to features: inout [Int32]) {
    let start = features.count
    for index in 0..<document.count {
      appendFeatures(ofToken: index, in: document, to: &features)
    }
    for start in 0..<document.count {
      appendWordNgrams(startingAt: start, of: document.tokenHashes, to: &features)
    }
    if configuration.documentMarker && features.count > start { features.append(markerRow) }
  }

  /// The row of the document marker (``FeatureConfiguration/documentMarker``): the bucket
  /// of `</s>`'s FNV-1a hash, as if it were one more n-gram.
  ///
  /// A bucket rather than a row of its own keeps the embedding matrix's shape (words, then
  /// buckets) and the file format as they are; the price is that the n-grams hashed to the
  /// same bucket, a handful among a million, share the marker's row.
  var markerRow: Int32 {
    Int32(vocabularySize + Int(UInt64(FNV1a.hash(Self.markerText)) % UInt64(configuration.buckets)))
  }

  /// The marker's text, fastText's end-of-sentence word.
  static let markerText = "</s>"

  /// Appends token `index`'s own features: its word row when it is in the vocabulary, then
  /// its character n-grams when they are turned on.
  ///
  /// ``appendFeatures(of:to:)`` is this for every token, then the word n-grams; explanations
  /// call the two halves separately to know which token or n-gram each feature came from.
  func appendFeatures(ofToken index: Int, in document: EncodedDocument, to features: inout [Int32])
  {
    let id = document.tokenIDs[index]
    assert(id.rawValue < vocabularySize, "token id \(id.rawValue) beyond the vocabulary")
    if id.isInVocabulary { features.append(id.rawValue) }
    if configuration.usesCharacterNgrams {
      appendCharacterNgrams(of: document.utf8[document.byteRange(ofToken: index)], to: &features)
    }
  }

  /// Appends the hashed n-grams of 2 through `wordNgrams` consecutive tokens that start at
  /// token `start`, shortest first: the k-th feature appended covers `k + 2` tokens.
  func appendWordNgrams(startingAt start: Int, of hashes: [UInt32], to features: inout [Int32]) {
    let buckets = UInt64(configuration.buckets)
    var hash = UInt64(hashes[start])
    let end = min(start + configuration.wordNgrams, hashes.count)
    for next in (start + 1)..<max(start + 1, end) {
      hash = hash &* Self.wordNgramMultiplier &+ UInt64(hashes[next])
      features.append(Int32(vocabularySize + Int(hash % buckets)))
    }
  }

  /// Appends the hashed character n-grams of one token given as UTF-8 bytes.
  func appendCharacterNgrams(of token: ArraySlice<UInt8>, to features: inout [Int32]) {
    let minimum = configuration.minCharNgram
    let maximum = configuration.maxCharNgram
    let buckets = UInt32(configuration.buckets)
    // Positions run over the marked word: 0 is `<`, 1...count are the token's bytes, and
    // count + 1 is `>`.
    let markedCount = token.count + 2
    func byte(at position: Int) -> UInt8 {
      if position == 0 { return Self.beginMarker }
      if position == markedCount - 1 { return Self.endMarker }
      return token[token.startIndex + position - 1]
    }
    func isScalarStart(_ position: Int) -> Bool { byte(at: position) & 0xC0 != 0x80 }

    var start = 0
    while start < markedCount {
      var hasher = FNV1a()
      var position = start
      var length = 0
      while position < markedCount && length < maximum {
        repeat {
          hasher.combine(byte(at: position))
          position += 1
        } while position < markedCount && !isScalarStart(position)
        length += 1
        let isLoneMarker = length == 1 && (start == 0 || position == markedCount)
        if length >= minimum && !isLoneMarker {
          features.append(Int32(vocabularySize + Int(hasher.value % buckets)))
        }
      }
      repeat { start += 1 } while start < markedCount && !isScalarStart(start)
    }
  }
}
