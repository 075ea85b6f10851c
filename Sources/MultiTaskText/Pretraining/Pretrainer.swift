/// Self-supervised training of word and character n-gram rows on unlabelled text, as fastText's
/// `skipgram` and `cbow` train them: negative sampling, frequent words subsampled, a learning
/// rate falling linearly to 0.
///
/// A word's input is its own row and the rows of its character n-grams, hashed with fastText's
/// hash into `buckets` rows after the words, so the result is a fastText model
/// (``PretrainedVectors``) that `fasttext` itself reads and that `model.pretrainedVectors`
/// turns into a model's starting rows, buckets included.
///
/// One difference from fastText, for speed: in skipgram, a position's input (the mean of its
/// word's rows) is computed once, every neighbour's gradient is summed into one, and the rows
/// are updated once at the end of the position; fastText recomputes and updates them for each
/// neighbour. It runs on one thread, so the same seed and text give the same bytes.
public struct Pretrainer: Sendable {
  /// The settings, checked by ``init(settings:)``.
  public let settings: PretrainingSettings

  /// The size of the negative sampling table: fastText's 10 million entries. Tests lower it,
  /// as filling it takes seconds in a debug build.
  var negativeTableSize = 10_000_000

  /// A trainer with `settings`.
  ///
  /// - Parameter settings: The model, dimension, epochs and the rest.
  /// - Throws: ``PretrainingError/outOfRange(setting:found:expected:)``.
  public init(settings: PretrainingSettings) throws(PretrainingError) {
    try settings.validate()
    self.settings = settings
  }

  /// Trains rows for `corpus`'s words and their n-grams.
  ///
  /// - Parameters:
  ///   - corpus: The tokenized text and its vocabulary.
  ///   - onEpoch: Called after each epoch with its number, from 1.
  /// - Throws: ``PretrainingError/tooLarge(rows:dimension:)`` past the model file's limits.
  public func train(
    _ corpus: PretrainingCorpus, onEpoch: (Int) -> Void = { _ in }
  ) throws(PretrainingError) -> PretrainedVectors {
    let dimension = settings.dimension
    let wordCount = corpus.words.count
    let buckets = settings.maxCharNgram > 0 ? settings.buckets : 0
    let rows = wordCount + buckets
    guard ModelLimits.problem(rows: rows, dimension: dimension) == nil else {
      throw .tooLarge(rows: rows, dimension: dimension)
    }
    var input = [Float](repeating: 0, count: rows * dimension)
    var generator = SplitMix64(seed: settings.seed, stream: Self.initializationStream)
    let bound = 1 / Float(dimension)
    for index in input.indices { input[index] = (generator.nextUnitFloat() * 2 - 1) * bound }
    var output = [Float](repeating: 0, count: wordCount * dimension)
    let subwords = PretrainingSubwords(words: corpus.words, settings: settings, buckets: buckets)
    let sampling = PretrainingSampling(
      counts: corpus.counts, tokenCount: corpus.trainingTokenCount,
      threshold: settings.samplingThreshold, tableSize: negativeTableSize)
    let dimensionScratch = UnsafeMutablePointer<Float>.allocate(capacity: 2 * dimension)
    defer { dimensionScratch.deallocate() }
    input.withUnsafeMutableBufferPointer { input in
      output.withUnsafeMutableBufferPointer { output in
        // Never nil: both tables have at least one row of at least one column.
        guard let inputRows = input.baseAddress, let outputRows = output.baseAddress else {
          return
        }
        var state = PretrainingStep(
          settings: settings, input: inputRows, output: outputRows, subwords: subwords,
          sampling: sampling, hidden: dimensionScratch, gradient: dimensionScratch + dimension)
        let total = Double(settings.epochs) * Double(max(1, corpus.trainingTokenCount))
        var processed = 0
        for epoch in 1...settings.epochs {
          for document in 0..<corpus.documentCount {
            let range = corpus.documentStarts[document]..<corpus.documentStarts[document + 1]
            let progress = Double(processed) / total
            state.learningRate = settings.learningRate * Float(max(0, 1 - progress))
            state.train(corpus.tokens[range])
            processed += range.count
          }
          onEpoch(epoch)
        }
      }
    }
    return PretrainedVectors(
      settings: settings, words: corpus.words, counts: corpus.counts,
      tokenCount: corpus.tokenCount, buckets: buckets, input: input, output: output)
  }

  /// The random stream of the initial rows; ``PretrainingStep`` draws from its own.
  static let initializationStream: UInt64 = 0x5052_4554_0001
}
