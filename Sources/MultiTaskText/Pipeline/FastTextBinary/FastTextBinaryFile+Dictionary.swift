extension FastTextBinaryFile {
  /// The smallest dictionary entry: an empty word's zero byte, the count and the type.
  static let smallestEntryBytes = 1 + 8 + 1

  /// Reads the dictionary, returning fastText's word count and the row of each vocabulary word
  /// it holds.
  ///
  /// Words fastText wrote that are not UTF-8 cannot be in our vocabulary and are passed over;
  /// labels (`__label__…`) follow the words and are read past.
  static func readDictionary(_ cursor: BinaryFileCursor, vocabulary: Vocabulary)
    throws(PretrainedVectorsError) -> (wordCount: Int, wordRows: [Int32: Int])
  {
    let start = cursor.offset
    let size = Int(try cursor.int32("the dictionary's size"))
    let words = Int(try cursor.int32("the dictionary's word count"))
    let labels = Int(try cursor.int32("the dictionary's label count"))
    guard size >= 0, words >= 0, labels >= 0, words + labels == size else {
      throw .binaryMalformed(
        path: cursor.path, offset: start,
        problem: "the dictionary has \(size) entries, \(words) words and \(labels) labels")
    }
    _ = try cursor.int64("the dictionary's token count")
    let pruned = try cursor.int64("the dictionary's pruned-index size")
    try cursor.require(
      size * smallestEntryBytes, for: "the dictionary's \(size) entries (at least 10 bytes each)")
    var rows: [Int32: Int] = [:]
    for index in 0..<size {
      let entryStart = cursor.offset
      let bytes = try cursor.zeroTerminated(
        longest: longestWord, "dictionary entry \(index) of \(size)")
      _ = try cursor.int64("the count of dictionary entry \(index)")
      let type = try cursor.uint8("the type of dictionary entry \(index)")
      guard type == (index < words ? 0 : 1) else {
        throw .binaryMalformed(
          path: cursor.path, offset: entryStart,
          problem: "dictionary entry \(index) has type \(type); the \(words) words come first"
            + " (type 0), then the labels (type 1)")
      }
      guard index < words, let word = String(validating: bytes, as: UTF8.self) else { continue }
      let id = vocabulary.id(of: word)
      if id.isInVocabulary { rows[id.rawValue] = index }
    }
    if pruned > 0 {
      // Only quantization prunes; its flag, refused below, comes after these pairs.
      try cursor.require(
        Int(clamping: pruned) * 8, for: "the dictionary's \(pruned) pruned-index pairs")
      try cursor.skip(Int(pruned) * 8, for: "the pruned-index pairs")
    }
    return (words, rows)
  }

  /// Reads the quantization flag and the input matrix's shape, checks the matrix and the output
  /// matrix are all there, and returns where the input matrix's values start.
  static func readMatrixHeader(_ cursor: BinaryFileCursor, rows: Int, columns: Int)
    throws(PretrainedVectorsError) -> Int
  {
    let flagOffset = cursor.offset
    let quantized = try cursor.uint8("the quantization flag")
    if quantized == 1 { throw .quantizedBinary(path: cursor.path) }
    guard quantized == 0 else {
      throw .binaryMalformed(
        path: cursor.path, offset: flagOffset,
        problem: "the quantization flag is \(quantized), not 0 or 1")
    }
    let shapeOffset = cursor.offset
    let height = try cursor.int64("the input matrix's row count")
    let width = try cursor.int64("the input matrix's column count")
    guard height == Int64(rows), width == Int64(columns) else {
      throw .binaryMalformed(
        path: cursor.path, offset: shapeOffset,
        problem: "the input matrix is \(height) × \(width); the dictionary and arguments call"
          + " for \(rows) × \(columns) (words + bucket rows of dim)")
    }
    let start = cursor.offset
    let bytes = rows * columns * MemoryLayout<Float>.stride
    try cursor.require(bytes, for: "the input matrix's \(rows) × \(columns) floats")
    try cursor.skip(bytes, for: "the input matrix")
    _ = try cursor.uint8("the output quantization flag")
    let outputHeight = try cursor.int64("the output matrix's row count")
    let outputWidth = try cursor.int64("the output matrix's column count")
    let (product, overflow) = outputHeight.multipliedReportingOverflow(by: outputWidth)
    guard outputHeight >= 0, outputWidth >= 0, !overflow, product <= Int64(Int.max / 4) else {
      throw .binaryMalformed(
        path: cursor.path, offset: cursor.offset - 16,
        problem: "the output matrix is \(outputHeight) × \(outputWidth)")
    }
    try cursor.require(
      Int(product) * 4, for: "the output matrix's \(outputHeight) × \(outputWidth) floats")
    return start
  }
}
