/// How pretraining predicts: a word's neighbours from the word (skipgram), or the word from its
/// neighbours (CBOW).
public enum PretrainingModel: String, Sendable, Equatable, CaseIterable {
  /// Each word, through its row and its character n-grams' rows, predicts each neighbour.
  case skipgram
  /// The mean of the neighbours' rows predicts the word.
  case cbow
}

/// The settings of self-supervised pretraining; the defaults are fastText's `skipgram`
/// defaults, with the dimension of our model's default (50) so the result loads as it is.
public struct PretrainingSettings: Sendable, Equatable {
  /// Skipgram or CBOW.
  public var model: PretrainingModel = .skipgram
  /// The vector width; it must equal `model.dimension` of the models that load the vectors.
  public var dimension = 50
  /// Passes over the text.
  public var epochs = 5
  /// The starting learning rate, decreasing linearly to 0 over the run.
  public var learningRate: Float = 0.05
  /// The largest distance of a neighbour; each position draws its window from 1 to this.
  public var window = 5
  /// Negative examples drawn for each positive one.
  public var negatives = 5
  /// The fewest occurrences of a word with a row of its own; rarer words still train their
  /// character n-grams and get vectors from them when loaded.
  public var minCount = 5
  /// The shortest and longest character n-gram, in scalars; `maxCharNgram` 0 turns them off.
  public var minCharNgram = 3
  /// The longest character n-gram.
  public var maxCharNgram = 6
  /// Hashed rows for character n-grams, after the words' rows.
  public var buckets = 2_000_000
  /// fastText's `t`: frequent words are skipped with probability 1 − √(t/f) − t/f.
  public var samplingThreshold = 1e-4
  /// The seed of every random draw: the same seed and text give the same vectors.
  public var seed: UInt64 = 1

  /// The defaults.
  public init() {}

  /// Checks every setting against its range, so a run cannot allocate without bound or
  /// divide by zero.
  ///
  /// - Throws: ``PretrainingError/outOfRange(setting:found:expected:)`` for the first bad one.
  public func validate() throws(PretrainingError) {
    let checks: [(String, Double, ClosedRange<Double>)] = [
      ("dimension", Double(dimension), 1...4096),
      ("epochs", Double(epochs), 1...1000),
      ("learning rate", Double(learningRate), 1e-6...10),
      ("window", Double(window), 1...100),
      ("negatives", Double(negatives), 1...100),
      ("min count", Double(minCount), 1...Double(Int32.max)),
      ("minn", Double(minCharNgram), maxCharNgram == 0 ? 0...64 : 1...Double(maxCharNgram)),
      ("maxn", Double(maxCharNgram), 0...64),
      ("buckets", Double(buckets), maxCharNgram == 0 ? 0...50_000_000 : 1...50_000_000),
      ("sampling threshold", samplingThreshold, 0...1),
    ]
    for (name, value, range) in checks where !range.contains(value) || !value.isFinite {
      throw .outOfRange(setting: name, found: value, expected: range)
    }
  }
}
