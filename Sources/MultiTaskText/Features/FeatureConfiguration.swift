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
  /// `0` together with `maxCharNgram == 0` turns character n-grams off. Setting it fixes
  /// the range (``automaticCharacterNgrams`` becomes false).
  public var minCharNgram: Int {
    didSet { automaticCharacterNgrams = false }
  }
  /// The longest character n-gram; `0` turns character n-grams off. Setting it fixes the
  /// range (``automaticCharacterNgrams`` becomes false).
  public var maxCharNgram: Int {
    didSet { automaticCharacterNgrams = false }
  }
  /// Whether the pipeline chooses character n-grams on dev: for a small training corpus it
  /// trains once without them and once with ``automaticCharacterNgramRange``, and keeps the
  /// second only when its dev score is higher by more than chance explains.
  ///
  /// Subwords help small corpora with many rare or misspelled words (+4 to +9 test points on
  /// the uci_* reviews, +1.5 on mpqa) and hurt others (−2.5 on trec, −0.5 on subj), and no
  /// corpus statistic told the two groups apart; their dev scores did, on eleven of thirteen
  /// shared corpora. A second training costs seconds below ``characterNgramTrialTokens``,
  /// and on larger corpora, where it would cost minutes, subwords never won by a point. The
  /// trainer alone (without the pipeline) leaves them off. A model file records the range
  /// chosen.
  public var automaticCharacterNgrams = false
  /// The character n-gram lengths an automatic choice tries: fastText's 3–6 less its longest,
  /// which on the uci_* corpora scored the same at two thirds of the features.
  public static let automaticCharacterNgramRange = (minimum: 3, maximum: 5)
  /// The most training tokens for which automatic character n-grams are tried; above it they
  /// stay off.
  public static let characterNgramTrialTokens = 2_000_000
  /// Whether every document gets one more feature, the same for all: a learned row that
  /// acts as each label's bias, scaled like any feature by the document's length. This is
  /// fastText's `</s>`, which it appends to every line.
  ///
  /// Multi-label heads need it. Each label is its own yes/no decision, and a rare label must
  /// start far below 0.5 whatever the words; without a constant feature the words alone carry
  /// that prior. On GoEmotions test macro-F1 rose from 38.0 to 44.0 (emotion), 52.9 to 56.1
  /// (ekman) and 62.0 to 63.8 (sentiment) with it. A separate bias per label, without the
  /// length scaling, reached only 40.4 on emotion. The trainer turns it on when a task is
  /// multi-label; single-label models keep their features, and their bytes, as before.
  public var documentMarker = false
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
  ///   - minCharNgram: The shortest character n-gram; 0 for none. Nil (the default) together
  ///     with a nil `maxCharNgram` leaves them off here and lets the pipeline choose on dev
  ///     (``automaticCharacterNgrams``).
  ///   - maxCharNgram: The longest character n-gram; 0 for none.
  ///   - maxVocabularySize: The most vocabulary words; nil for no cap.
  public init(
    wordNgrams: Int? = nil,
    buckets: Int = 1_000_000,
    minCount: Int = 1,
    minCharNgram: Int? = nil,
    maxCharNgram: Int? = nil,
    maxVocabularySize: Int? = nil
  ) {
    self.wordNgrams = wordNgrams ?? 2
    automaticWordNgrams = wordNgrams == nil
    self.buckets = buckets
    self.minCount = minCount
    self.minCharNgram = minCharNgram ?? 0
    self.maxCharNgram = maxCharNgram ?? 0
    automaticCharacterNgrams = minCharNgram == nil && maxCharNgram == nil
    self.maxVocabularySize = maxVocabularySize
  }

  /// Whether character n-grams (subwords) are added for each token.
  public var usesCharacterNgrams: Bool { maxCharNgram > 0 }

  /// Checks every value against its allowed range.
  ///
  /// - Throws: `FeatureConfigurationError.outOfRange` naming the configuration key of the
  ///   first bad value, or `.emptyCharacterNgramRange` when `minn` exceeds `maxn`.
  public func validate() throws(FeatureConfigurationError) {
    // The model format's limit, so every bucket count that trains also loads.
    let largestBucketCount = ModelLimits.maximumBuckets
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
    case automaticCharacterNgrams, documentMarker
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
    automaticCharacterNgrams =
      try container.decodeIfPresent(Bool.self, forKey: .automaticCharacterNgrams) ?? false
    documentMarker = try container.decodeIfPresent(Bool.self, forKey: .documentMarker) ?? false
  }

  /// Encodes every setting; the automatic flags only when set, so the manifests of models
  /// (which record the chosen numbers) keep their bytes.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(wordNgrams, forKey: .wordNgrams)
    try container.encode(buckets, forKey: .buckets)
    try container.encode(minCount, forKey: .minCount)
    try container.encode(minCharNgram, forKey: .minCharNgram)
    try container.encode(maxCharNgram, forKey: .maxCharNgram)
    try container.encodeIfPresent(maxVocabularySize, forKey: .maxVocabularySize)
    if automaticWordNgrams { try container.encode(true, forKey: .automaticWordNgrams) }
    if automaticCharacterNgrams {
      try container.encode(true, forKey: .automaticCharacterNgrams)
    }
    if documentMarker { try container.encode(true, forKey: .documentMarker) }
  }
}
