/// How a document becomes features: which n-grams are hashed, and into how many buckets.
///
/// The configuration is saved inside the model file, so prediction rebuilds exactly the
/// features used in training. In configuration files the character n-gram lengths keep
/// fastText's short names, `minn` and `maxn`; every other key is spelled like its property.
/// Missing keys take their defaults.
public struct FeatureConfiguration: Codable, Sendable, Equatable {
  /// The longest run of consecutive words hashed as one feature; `1` means words only.
  /// Setting it fixes it (``automaticWordNgrams`` becomes false).
  public var wordNgrams: Int {
    didSet { automaticWordNgrams = false }
  }
  /// Whether the trainer chooses ``wordNgrams`` from the corpus: bigrams for documents that
  /// average fewer than ``longDocumentTokens`` tokens, words alone for longer ones.
  ///
  /// Bigrams carry word order (negation, question words) that short texts need. In long
  /// documents the many words carry the signal, and bigrams double the features, so training
  /// takes twice as long and the hashed rows collide more: on twenty_newsgroups (465 tokens
  /// per document) words alone scored 80.6% against 78.6% with bigrams, in a third of the
  /// time, while every shorter shared corpus (up to 87 tokens) lost with words alone (trec 3
  /// points). A model file always records the number chosen.
  public var automaticWordNgrams = false
  /// The average document length from which automatic word n-grams are words alone.
  public static let longDocumentTokens = 200.0
  /// How many hashed rows the embedding matrix holds after the vocabulary's rows.
  ///
  /// More buckets mean fewer collisions between unrelated n-grams, at 4 × dimension bytes
  /// per bucket in memory (rows never trained are not stored in the model file). The default,
  /// 1M, matched 2M on the dev sets of ag_news, sst2 and sms_spam trained together (mean dev
  /// accuracy 88.2 against 88.2) at half the memory; 100k–500k lost a few tenths.
  public var buckets: Int
  /// How many times a word must occur in the training corpus to enter the vocabulary.
  public var minCount: Int
  /// The shortest character n-gram, in Unicode scalars including the `<` `>` markers;
  /// `0` together with `maxCharNgram == 0` turns character n-grams off.
  public var minCharNgram: Int
  /// The longest character n-gram; `0` turns character n-grams off.
  public var maxCharNgram: Int
  /// The most words the vocabulary keeps, the most frequent first; `nil` keeps every word
  /// that reaches ``minCount``.
  ///
  /// A cap bounds the embedding matrix on large corpora, where the long tail of rare words
  /// costs memory but adds little; the dropped words still reach the model through buckets.
  public var maxVocabularySize: Int?

  /// Creates a configuration; the defaults match fastText's supervised mode, with the word
  /// n-gram length chosen from the corpus unless given.
  ///
  /// - Parameters:
  ///   - wordNgrams: The longest word n-gram; nil (the default) chooses 2 or 1 from the
  ///     corpus's document length (``automaticWordNgrams``).
  ///   - buckets: Hashed rows after the vocabulary's.
  ///   - minCount: The fewest occurrences of a vocabulary word.
  ///   - minCharNgram: The shortest character n-gram; 0 for none.
  ///   - maxCharNgram: The longest character n-gram; 0 for none.
  ///   - maxVocabularySize: The most vocabulary words; nil for no cap.
  public init(
    wordNgrams: Int? = nil,
    buckets: Int = 1_000_000,
    minCount: Int = 1,
    minCharNgram: Int = 0,
    maxCharNgram: Int = 0,
    maxVocabularySize: Int? = nil
  ) {
    self.wordNgrams = wordNgrams ?? 2
    automaticWordNgrams = wordNgrams == nil
    self.buckets = buckets
    self.minCount = minCount
    self.minCharNgram = minCharNgram
    self.maxCharNgram = maxCharNgram
    self.maxVocabularySize = maxVocabularySize
  }

  /// Whether character n-grams (subwords) are added for each token.
  public var usesCharacterNgrams: Bool { maxCharNgram > 0 }

  /// Checks every value against its allowed range.
  ///
  /// - Throws: `FeatureConfigurationError.outOfRange` naming the configuration key of the
  ///   first bad value, or `.emptyCharacterNgramRange` when `minn` exceeds `maxn`.
  public func validate() throws(FeatureConfigurationError) {
    let largestBucketCount = Int(Int32.max)
    if wordNgrams < 1 || wordNgrams > 16 {
      throw .outOfRange(key: "wordNgrams", found: wordNgrams, expected: "1...16")
    }
    if buckets < 1 || buckets > largestBucketCount {
      throw .outOfRange(key: "buckets", found: buckets, expected: "1...\(largestBucketCount)")
    }
    if minCount < 1 {
      throw .outOfRange(key: "minCount", found: minCount, expected: "at least 1")
    }
    if minCharNgram < 0 {
      throw .outOfRange(key: "minn", found: minCharNgram, expected: "at least 0")
    }
    if maxCharNgram < 0 {
      throw .outOfRange(key: "maxn", found: maxCharNgram, expected: "at least 0")
    }
    if minCharNgram > maxCharNgram {
      throw .emptyCharacterNgramRange(minn: minCharNgram, maxn: maxCharNgram)
    }
    if maxCharNgram > 0 && minCharNgram < 1 {
      throw .outOfRange(key: "minn", found: minCharNgram, expected: "at least 1 when maxn > 0")
    }
    if let maxVocabularySize, maxVocabularySize < 1 {
      throw .outOfRange(key: "maxVocabularySize", found: maxVocabularySize, expected: "at least 1")
    }
  }

  enum CodingKeys: String, CodingKey {
    case wordNgrams, buckets, minCount, maxVocabularySize, automaticWordNgrams
    case minCharNgram = "minn"
    case maxCharNgram = "maxn"
  }

  /// Decodes a configuration, taking the default for each missing key.
  ///
  /// Decoding does not validate; call `validate()` to check the ranges.
  public init(from decoder: any Decoder) throws {
    let defaults = FeatureConfiguration()
    let container = try decoder.container(keyedBy: CodingKeys.self)
    wordNgrams = try container.decodeIfPresent(Int.self, forKey: .wordNgrams) ?? defaults.wordNgrams
    buckets = try container.decodeIfPresent(Int.self, forKey: .buckets) ?? defaults.buckets
    minCount = try container.decodeIfPresent(Int.self, forKey: .minCount) ?? defaults.minCount
    minCharNgram =
      try container.decodeIfPresent(Int.self, forKey: .minCharNgram) ?? defaults.minCharNgram
    maxCharNgram =
      try container.decodeIfPresent(Int.self, forKey: .maxCharNgram) ?? defaults.maxCharNgram
    maxVocabularySize = try container.decodeIfPresent(Int.self, forKey: .maxVocabularySize)
    automaticWordNgrams =
      try container.decodeIfPresent(Bool.self, forKey: .automaticWordNgrams) ?? false
  }

  /// Encodes every setting; the automatic flag only when set, so the manifests of models
  /// (which record the chosen number) keep their bytes.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(wordNgrams, forKey: .wordNgrams)
    try container.encode(buckets, forKey: .buckets)
    try container.encode(minCount, forKey: .minCount)
    try container.encode(minCharNgram, forKey: .minCharNgram)
    try container.encode(maxCharNgram, forKey: .maxCharNgram)
    try container.encodeIfPresent(maxVocabularySize, forKey: .maxVocabularySize)
    if automaticWordNgrams { try container.encode(true, forKey: .automaticWordNgrams) }
  }

  /// These settings with the word n-gram length chosen for documents of `averageTokens`
  /// tokens, when it is automatic; unchanged otherwise.
  ///
  /// - Parameter averageTokens: The training corpus's tokens per document.
  /// - Returns: Settings whose ``wordNgrams`` is fixed.
  public func resolved(averageTokens: Double) -> FeatureConfiguration {
    guard automaticWordNgrams else { return self }
    var resolved = self
    resolved.wordNgrams = averageTokens < Self.longDocumentTokens ? 2 : 1
    return resolved
  }
}
