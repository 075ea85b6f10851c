import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// fastText `.bin` files built byte by byte: the layout is read as fastText writes it, and
/// every damaged, truncated or quantized file is an error naming the file, never a crash or a
/// large allocation.
struct FastTextBinaryFileTests {
  static let vocabulary = Vocabulary(tokens: ["good", "bad", "ugly"], counts: [3, 2, 1])

  /// A little-endian fastText model: words `good` and `bad` (rows 0 and 1), a label, `buckets`
  /// bucket rows of dimension 2; row r holds (r, -r) unless `rows` is given.
  struct Builder {
    var dimension: Int32 = 2
    var buckets: Int32 = 3
    var minimumNgram: Int32 = 0
    var maximumNgram: Int32 = 0
    var version: Int32 = 12
    var quantized: UInt8 = 0
    var size: Int32 = 3
    var words: Int32 = 2
    /// The bucket count the arguments declare, when not `buckets`.
    var declaredBuckets: Int32? = nil
    var matrixRows: Int64? = nil
    var rows: [[Float]]? = nil

    func bytes() -> [UInt8] {
      var bytes: [UInt8] = []
      func int32(_ value: Int32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
      func int64(_ value: Int64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
      func float(_ value: Float) { int32(Int32(bitPattern: value.bitPattern)) }
      int32(FastTextBinaryFile.magic)
      int32(version)
      let arguments: [Int32] = [
        dimension, 5, 1, 1, 5, 1, 2, 2, declaredBuckets ?? buckets, minimumNgram, maximumNgram, 100,
      ]
      for value in arguments { int32(value) }
      withUnsafeBytes(of: Double(1e-4).bitPattern.littleEndian) { bytes += $0 }
      int32(size)
      int32(words)
      int32(size - words)
      int64(10)
      int64(-1)
      for (word, type) in [("good", UInt8(0)), ("bad", 0), ("__label__x", 1)] {
        bytes += Array(word.utf8) + [0]
        int64(4)
        bytes.append(type)
      }
      bytes.append(quantized)
      let height = 2 + Int(buckets)
      int64(matrixRows ?? Int64(height))
      int64(Int64(dimension))
      for row in 0..<height {
        for column in 0..<Int(dimension) {
          float(rows?[row][column] ?? (column == 0 ? Float(row) : -Float(row)))
        }
      }
      bytes.append(0)
      int64(1)
      int64(Int64(dimension))
      for _ in 0..<Int(dimension) { float(0.5) }
      return bytes
    }
  }

  static func read(_ bytes: [UInt8], dimension: Int = 2) throws -> InitialVectors {
    let directory = try TemporaryDirectory()
    let path = try directory.write(bytes, named: "model.bin")
    return try PretrainedVectorsReader.read(
      path: path, dimension: dimension, vocabulary: vocabulary,
      features: FeatureConfiguration(buckets: 10, minCharNgram: 0, maxCharNgram: 0))
  }

  static func error(_ bytes: [UInt8], dimension: Int = 2) throws -> PretrainedVectorsError? {
    do {
      _ = try read(bytes, dimension: dimension)
      return nil
    } catch let error as PretrainedVectorsError {
      return error
    }
  }

  @Test func wordsTakeTheirRowsAndUnknownWordsKeepTheirStart() throws {
    let vectors = try Self.read(Builder().bytes())
    #expect(vectors.count == 2)
    #expect(vectors.rows[Self.vocabulary.id(of: "good").rawValue] == [0, 0])
    #expect(vectors.rows[Self.vocabulary.id(of: "bad").rawValue] == [1, -1])
    #expect(vectors.rows[Self.vocabulary.id(of: "ugly").rawValue] == nil)
  }

  @Test func everyTruncationIsAnErrorNamingTheFile() throws {
    let bytes = Builder().bytes()
    for length in 0..<bytes.count {
      let error = try Self.error(Array(bytes[0..<length]))
      guard let error else {
        Issue.record("a file cut to \(length) of \(bytes.count) bytes was accepted")
        continue
      }
      // Too short for the magic number: read as a .vec, whose header is then wrong.
      if length < 4 { continue }
      guard case .binaryTruncated(let path, _, let missing) = error else {
        Issue.record("cut to \(length) bytes: \(error)")
        continue
      }
      #expect(path.hasSuffix("model.bin"))
      #expect(!missing.isEmpty)
    }
  }

  @Test func hugeCountsAreRefusedBeforeAllocating() throws {
    let entries = Builder(size: .max, words: .max - 1).bytes()
    guard case .binaryTruncated(_, _, let missing) = try Self.error(entries) else {
      Issue.record("a dictionary of 2^31 entries was accepted")
      return
    }
    #expect(missing.contains("entries"))
    guard case .binaryMalformed = try Self.error(Builder(size: -1).bytes()) else {
      Issue.record("a dictionary whose words and labels do not add up was accepted")
      return
    }
    guard
      case .binaryMalformed(_, _, let problem) = try Self.error(
        Builder(matrixRows: 1 << 40).bytes())
    else {
      Issue.record("an input matrix of 2^40 rows was accepted")
      return
    }
    #expect(problem.contains("input matrix"))
    let huge = Builder(declaredBuckets: .max, matrixRows: 2 + Int64(Int32.max)).bytes()
    guard case .binaryTruncated(_, _, let matrix) = try Self.error(huge) else {
      Issue.record("2^31 buckets in a small file were accepted")
      return
    }
    #expect(matrix.contains("input matrix"))
  }

  @Test func quantizedDimensionAndVersionErrors() throws {
    guard case .quantizedBinary = try Self.error(Builder(quantized: 1).bytes()) else {
      Issue.record("a quantized file was accepted")
      return
    }
    #expect(
      try Self.error(Builder().bytes(), dimension: 3)?.description.contains(
        "dimension 2, but model.dimension is 3") == true)
    guard case .binaryMalformed(_, 4, _) = try Self.error(Builder(version: 13).bytes()) else {
      Issue.record("format version 13 was accepted")
      return
    }
    var notFinite = Builder()
    notFinite.rows = [[0, 0], [.nan, 1], [0, 0], [0, 0], [0, 0]]
    guard case .binaryMalformed(_, _, let problem) = try Self.error(notFinite.bytes()) else {
      Issue.record("a NaN in a word row was accepted")
      return
    }
    #expect(problem.contains("row 1"))
  }

  @Test func fastTextsHashSignExtendsBytes() {
    #expect(FastTextSubwords.fastTextHash(Array("foobar".utf8)) == FNV1a.hash("foobar"))
    #expect(FastTextSubwords.fastTextHash(Array("é>".utf8)) != FNV1a.hash("é>"))
    var ngrams: [String] = []
    FastTextSubwords.forEachNgram(of: Array("ab".utf8), minimum: 1, maximum: 2) { length, _, _ in
      ngrams.append("\(length)")
    }
    // <a, a, ab, b, b> : the lone markers are not n-grams.
    #expect(ngrams == ["2", "1", "2", "1", "2"])
  }
}
