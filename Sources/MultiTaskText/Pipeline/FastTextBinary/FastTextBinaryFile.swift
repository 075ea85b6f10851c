/// The parts of a fastText `.bin` model that pretrained vectors need: its settings, where the
/// vocabulary's words sit in its dictionary, and where its input matrix starts.
///
/// The layout, all little-endian (fastText writes its host's order, little-endian on every
/// machine it is built for):
/// 1. the magic number 793712314 and the format version (11 or 12), two `int32`;
/// 2. the arguments: twelve `int32` (dim, ws, epoch, minCount, neg, wordNgrams, loss, model,
///    bucket, minn, maxn, lrUpdateRate) and one `double` (t);
/// 3. the dictionary: size, nwords and nlabels as `int32`, ntokens and the pruned-index size
///    as `int64`, then each entry as zero-terminated bytes, an `int64` count and a one-byte
///    type (0 word, 1 label), then the pruned-index pairs;
/// 4. a one-byte flag that is 1 in a quantized (`.ftz`) file, which is refused;
/// 5. the input matrix: rows and columns as `int64`, then rows × columns `float`s: nwords word
///    rows, then bucket rows of hashed n-grams;
/// 6. the output matrix, which is not used but must be there.
///
/// Every count is checked against the bytes left in the file before anything is read or
/// allocated, so a damaged file is an error naming the byte and what is missing.
struct FastTextBinaryFile {
  /// The first four bytes of every fastText model file.
  static let magic = PretrainedVectors.fastTextMagic
  /// The longest dictionary entry read, in bytes.
  static let longestWord = 1 << 16

  /// The vector width.
  let dimension: Int
  /// The shortest and longest character n-gram, in scalars; `maximum` 0 means none.
  let minimumNgram: Int
  let maximumNgram: Int
  /// Hashed rows after the words.
  let buckets: Int
  /// Word rows before the buckets.
  let wordCount: Int
  /// Each vocabulary word that fastText's dictionary has, by our id, to its row.
  let wordRows: [Int32: Int]
  /// The byte where the input matrix's first row starts.
  let matrixStart: Int
  /// The open file, for reading rows.
  let cursor: BinaryFileCursor

  /// Whether the file at `path` starts with fastText's magic number; false when it cannot be
  /// read or is shorter.
  static func hasMagic(path: String) -> Bool {
    guard let cursor = try? BinaryFileCursor(path: path), cursor.length >= 4,
      let magic = try? cursor.int32("the magic number")
    else { return false }
    return magic == Self.magic
  }

  /// Reads the header and dictionary of the file at `path`, keeping `vocabulary`'s words.
  ///
  /// - Parameter dimension: The model's dimension, which the file must have.
  /// - Throws: ``PretrainedVectorsError`` naming the file and, for damage, the byte.
  init(path: String, dimension expected: Int, vocabulary: Vocabulary)
    throws(PretrainedVectorsError)
  {
    let cursor = try BinaryFileCursor(path: path)
    self.cursor = cursor
    func malformed(_ problem: String, at offset: Int) -> PretrainedVectorsError {
      .binaryMalformed(path: path, offset: offset, problem: problem)
    }
    guard try cursor.int32("the magic number") == Self.magic else {
      throw malformed("it does not start with fastText's magic number", at: 0)
    }
    let version = try cursor.int32("the format version")
    guard version == 11 || version == 12 else {
      throw malformed("format version \(version); mtl reads versions 11 and 12", at: 4)
    }
    var arguments: [Int32] = []
    for name in Self.argumentNames { arguments.append(try cursor.int32("the argument \(name)")) }
    try cursor.skip(8, for: "the argument t")
    let (dimension, model) = (Int(arguments[0]), arguments[7])
    guard (1...65_536).contains(dimension), (1...3).contains(model) else {
      throw malformed("dim \(dimension), model \(model) are not fastText's", at: 8)
    }
    guard dimension == expected else {
      throw .binaryDimension(path: path, expected: expected, found: dimension)
    }
    self.dimension = dimension
    buckets = Int(arguments[8])
    minimumNgram = Int(arguments[9])
    // Version 11 supervised models did not use character n-grams, whatever maxn says.
    maximumNgram = version == 11 && model == 3 ? 0 : Int(arguments[10])
    guard buckets >= 0, minimumNgram >= 0, (0...1024).contains(maximumNgram),
      maximumNgram == 0 || (1...maximumNgram).contains(minimumNgram)
    else {
      throw malformed(
        "bucket \(buckets), minn \(minimumNgram), maxn \(maximumNgram) do not fit together",
        at: 8)
    }
    (wordCount, wordRows) = try Self.readDictionary(cursor, vocabulary: vocabulary)
    matrixStart = try Self.readMatrixHeader(
      cursor, rows: wordCount + buckets, columns: dimension)
  }

  /// The names of the twelve `int32` arguments, in file order, for error messages.
  static let argumentNames = [
    "dim", "ws", "epoch", "minCount", "neg", "wordNgrams", "loss", "model", "bucket", "minn",
    "maxn", "lrUpdateRate",
  ]

  /// Reads row `index` of the input matrix into `values`.
  func readRow(_ index: Int, into values: inout [Float]) throws(PretrainedVectorsError) {
    precondition(index >= 0 && index < wordCount + buckets, "a row of the matrix")
    try cursor.floats(
      at: matrixStart + index * dimension * MemoryLayout<Float>.stride, count: dimension,
      into: &values)
    guard values.allSatisfy(\.isFinite) else {
      throw .binaryMalformed(
        path: cursor.path, offset: matrixStart + index * dimension * 4,
        problem: "row \(index) of the input matrix holds a value that is not a finite number")
    }
  }
}
