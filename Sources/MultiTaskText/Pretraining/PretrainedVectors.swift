/// The rows pretraining learnt, written as a fastText model (`.bin`) or as word vectors (`.vec`).
///
/// The `.bin` file is the layout `model.pretrainedVectors` reads and fastText writes (format
/// version 12, a skipgram or CBOW model with negative sampling), so `fasttext
/// print-word-vectors` and `fasttext nn` work on it too, and `model.pretrainedVectors` starts
/// both the word rows and the character n-gram buckets from it. The `.vec` file has only the
/// words, each the mean of its rows as fastText's `getWordVector` computes it.
public struct PretrainedVectors: Sendable {
  /// The settings it was trained with.
  public let settings: PretrainingSettings
  /// The words with rows, in row order.
  public let words: [String]
  /// Each word's count in the text.
  public let counts: [Int]
  /// Every token read.
  public let tokenCount: Int
  /// Hashed rows after the words (0 without character n-grams).
  public let buckets: Int
  /// The input rows, words then buckets, `settings.dimension` floats each.
  let input: [Float]
  /// The output rows, one per word.
  let output: [Float]

  init(
    settings: PretrainingSettings, words: [String], counts: [Int], tokenCount: Int,
    buckets: Int, input: [Float], output: [Float]
  ) {
    self.settings = settings
    self.words = words
    self.counts = counts
    self.tokenCount = tokenCount
    self.buckets = buckets
    self.input = input
    self.output = output
  }

  /// The first four bytes of every fastText model file.
  public static let fastTextMagic: Int32 = 793_712_314

  /// The vector of word `id`: the mean of its row and its n-grams' rows.
  ///
  /// - Parameter id: The word's row, an index of ``words``.
  public func wordVector(_ id: Int) -> [Float] {
    let subwords = PretrainingSubwords(words: [words[id]], settings: settings, buckets: buckets)
    let dimension = settings.dimension
    var sum = [Float](repeating: 0, count: dimension)
    for row in subwords.rows {
      // Row 0 of the one-word table is the word itself; its n-gram rows come after 1 word.
      let index = row == 0 ? id : words.count + Int(row) - 1
      for column in 0..<dimension { sum[column] += input[index * dimension + column] }
    }
    return sum.map { $0 / Float(subwords.rows.count) }
  }

  /// Hands the `.bin` file's bytes to `emit`, a few megabytes at a time.
  ///
  /// - Parameter emit: Receives the bytes in order, such as an atomic file writer's.
  /// - Throws: What `emit` throws.
  public func writeFastTextBinary<Failure: Error>(
    _ emit: ([UInt8]) throws(Failure) -> Void
  ) throws(Failure) {
    var writer = BinaryWriter()
    func int32(_ value: Int) { writer.write(UInt32(truncatingIfNeeded: value)) }
    func int64(_ value: Int) { writer.write(UInt64(bitPattern: Int64(value))) }
    int32(Int(Self.fastTextMagic))
    int32(12)
    let model = settings.model == .skipgram ? 2 : 1
    for value in [
      settings.dimension, settings.window, settings.epochs, settings.minCount,
      settings.negatives, 1, 2, model, buckets, settings.minCharNgram, settings.maxCharNgram, 100,
    ] {
      int32(value)
    }
    writer.write(settings.samplingThreshold.bitPattern)
    int32(words.count)
    int32(words.count)
    int32(0)
    int64(tokenCount)
    int64(-1)
    for (word, count) in zip(words, counts) {
      writer.write(contentsOf: Array(word.utf8) + [0])
      int64(count)
      writer.write(UInt8(0))
    }
    writer.write(UInt8(0))
    try Self.writeMatrix(input, columns: settings.dimension, header: &writer, emit)
    var outputHeader = BinaryWriter()
    outputHeader.write(UInt8(0))
    try Self.writeMatrix(output, columns: settings.dimension, header: &outputHeader, emit)
  }

  /// Emits `header`, the matrix's shape and its rows, in chunks of about 4 MB.
  private static func writeMatrix<Failure: Error>(
    _ values: [Float], columns: Int, header: inout BinaryWriter,
    _ emit: ([UInt8]) throws(Failure) -> Void
  ) throws(Failure) {
    header.write(UInt64(values.count / columns))
    header.write(UInt64(columns))
    try emit(header.bytes)
    let chunk = 1 << 20
    var start = 0
    while start < values.count {
      let end = min(values.count, start + chunk)
      var writer = BinaryWriter(reservingCapacity: (end - start) * 4)
      values[start..<end].withUnsafeBufferPointer { writer.write(floats: $0) }
      try emit(writer.bytes)
      start = end
    }
  }

  /// The `.vec` text: a `count dimension` line, then each word and its vector.
  public func vecText() -> String {
    var text = "\(words.count) \(settings.dimension)\n"
    for id in words.indices {
      text += words[id]
      for value in wordVector(id) { text += " \(value)" }
      text += "\n"
    }
    return text
  }
}
