import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

struct ModelFileTests {
  static func smallModel() throws -> (TrainingFixture, MultiTaskModel) {
    let fixture = try TrainingFixture(epochs: 2)
    return (fixture, try fixture.configuration.trainModel())
  }

  @Test func startsWithMagicAndVersionAndEndsWithTheChecksum() throws {
    let (_, model) = try Self.smallModel()
    let bytes = try ModelFile.encode(model)
    #expect(Array(bytes[0..<4]) == Array("MTLM".utf8))
    #expect(Array(bytes[4..<8]) == [2, 0, 0, 0])
    let end = bytes.count - 16
    #expect(Array(bytes[end..<(end + 4)]) == Array("END ".utf8))
    #expect(
      Checksum.of(bytes[0..<(bytes.count - 4)]) == UInt32(bytes[bytes.count - 4])
        | UInt32(bytes[bytes.count - 3]) << 8 | UInt32(bytes[bytes.count - 2]) << 16
        | UInt32(bytes[bytes.count - 1]) << 24)
    #expect(try ModelFile.decode(bytes, path: "m.mtl") == model)
  }

  @Test func storesOnlyTrainedEmbeddingRows() throws {
    let (_, model) = try Self.smallModel()
    let dense = model.embeddings.rows * model.embeddings.columns * 4
    #expect(try ModelFile.encode(model).count < dense / 4)
  }

  @Test func aFlippedByteIsCaughtByTheChecksum() throws {
    let (_, model) = try Self.smallModel()
    var bytes = try ModelFile.encode(model)
    let position = bytes.count / 2
    bytes[position] ^= 0x10
    #expect(throws: ModelFileError.checksumMismatch(path: "m.mtl")) {
      try ModelFile.decode(bytes, path: "m.mtl")
    }
  }

  @Test(arguments: [0.999, 0.5, 0.01])
  func aTruncatedFileSaysSo(_ fraction: Double) throws {
    let (_, model) = try Self.smallModel()
    let bytes = try ModelFile.encode(model)
    let cut = Array(bytes[0..<Int(Double(bytes.count) * fraction)])
    #expect {
      try ModelFile.decode(cut, path: "m.mtl")
    } throws: { error in
      guard case .truncated(let path, _, _) = error as? ModelFileError else { return false }
      return path == "m.mtl" && "\(error)".contains("truncated")
    }
  }

  @Test func rejectsOtherFilesAndNewerVersions() throws {
    let (_, model) = try Self.smallModel()
    var bytes = try ModelFile.encode(model)
    #expect(throws: ModelFileError.notAModel(path: "x.txt")) {
      try ModelFile.decode(Array("hello world, not a model".utf8), path: "x.txt")
    }
    #expect(throws: ModelFileError.truncated(path: "e.mtl", offset: 0, needed: 4)) {
      try ModelFile.decode([], path: "e.mtl")
    }
    bytes[4] = 3
    #expect(throws: ModelFileError.unsupportedVersion(path: "m.mtl", found: 3, supported: 2)) {
      try ModelFile.decode(bytes, path: "m.mtl")
    }
  }

  @Test func namesAMissingFileOrADirectory() throws {
    #expect(throws: ModelFileError.unreadable(path: "/nonexistent/m.mtl", problem: "no such file"))
    {
      try ModelFile.read(path: "/nonexistent/m.mtl")
    }
    let directory = try TemporaryDirectory()
    #expect(throws: ModelFileError.unreadable(path: directory.url.path, problem: "is a directory"))
    {
      try ModelFile.read(path: directory.url.path)
    }
  }

  @Test func writingIsAtomicAndLeavesNoTemporaryFiles() throws {
    let (fixture, model) = try Self.smallModel()
    let path = fixture.directory.url.appendingPathComponent("out/model.mtl").path
    try ModelFile.write(model, to: path)
    try ModelFile.write(model, to: path)
    let names = try FileManager.default.contentsOfDirectory(
      atPath: fixture.directory.url.appendingPathComponent("out").path)
    #expect(names == ["model.mtl"])
  }
}

struct ModelFileGoldenTests {
  /// A model built by hand, so its bytes depend only on the format, not on training.
  static func handMade() -> MultiTaskModel {
    let features = FeatureConfiguration(wordNgrams: 1, buckets: 2)
    // The settings of the file format's first models, so the pinned bytes stay as they were.
    let training = TrainingConfiguration(epochs: 1, learningRate: 0.5, optimizer: .sgd)
    let manifest = ModelManifest(
      icuVersion: "72.1", normalizer: TextNormalizer(), tokenizer: Tokenizer(),
      features: features, dimension: 2,
      tasks: [ModelManifest.Task(name: "spam", labels: LabelSet(["ham", "spam"]))],
      training: training)
    return MultiTaskModel(
      manifest: manifest, vocabulary: Vocabulary(tokens: ["win", "hi"], counts: [3, 1]),
      embeddings: Matrix(rows: 4, columns: 2, storage: [1, -1, 0.5, 0.25, 0, 0, 2, 0]),
      heads: [Matrix(rows: 2, columns: 2, storage: [-1, 1, 1, -1])])
  }

  @Test func theBytesOfAHandMadeModelArePinned() throws {
    let bytes = try ModelFile.encode(Self.handMade())
    // Changing these numbers means changing the file format: bump ModelFile.version.
    #expect(bytes.count == 782)
    #expect(Checksum.of(bytes.dropLast(4)) == 0x93F4_A161)
    #expect(try ModelFile.decode(bytes, path: "golden.mtl") == Self.handMade())
  }

  /// The bytes version 1 builds wrote for the hand-made model, pinned before version 2, made
  /// by the writer's version-1 path: a float model's sections did not change, only the
  /// version number did, so this is exactly the file an older `mtl` saved.
  @Test func theVersionOneBytesOfAHandMadeModelStillRead() throws {
    var bytes: [UInt8] = []
    try ModelFile.stream(Self.handMade(), path: "golden.mtl", version: 1) {
      (chunk) throws(PersistenceError) in bytes.append(contentsOf: chunk)
    }
    #expect(bytes.count == 782)
    #expect(Checksum.of(bytes.dropLast(4)) == 0x18C9_A67F)
    #expect(try ModelFile.decode(bytes, path: "golden.mtl") == Self.handMade())
  }

  /// The input on which the model file fuzzer crashed: a vocabulary count above `Int.max`,
  /// behind a valid checksum, trapped when converted to `Int`.
  @Test func aVocabularyCountAboveIntMaxIsMalformed() throws {
    var bytes = try ModelFile.encode(Self.handMade())
    // The first token's count follows the VOCB header, the token count and "win" with its length.
    let vocabulary = try #require(Self.offset(ofTag: "VOCB", in: bytes))
    let count = vocabulary + 12 + 4 + 4 + 3
    for index in count..<(count + 8) { bytes[index] = 0xFF }
    Self.resetChecksum(&bytes)
    #expect(
      throws: ModelFileError.malformed(
        path: "m.mtl", problem: "vocabulary token 0 has a bad count")
    ) {
      try ModelFile.decode(bytes, path: "m.mtl")
    }
  }

  /// The input on which the model file fuzzer ran out of memory: a 664-byte file whose
  /// embedding section claims 1,162,757,151 rows, which the reader allocated before comparing
  /// the shape with the manifest's.
  @Test func anEmbeddingShapeThatDisagreesWithTheManifestIsRejectedBeforeAllocating() throws {
    var bytes = try ModelFile.encode(Self.handMade())
    let embeddings = try #require(Self.offset(ofTag: "EMBD", in: bytes))
    Self.write(1_162_757_151, at: embeddings + 12, in: &bytes)
    Self.resetChecksum(&bytes)
    #expect(
      throws: ModelFileError.malformed(
        path: "m.mtl",
        problem: "the embedding section holds a 1162757151 × 2 matrix, the manifest needs 4 × 2")
    ) {
      try ModelFile.decode(bytes, path: "m.mtl")
    }
  }

  /// A head of 2³¹ × 2³¹ floats: the count fits in `Int`, but its size in bytes did not, and
  /// computing it trapped.
  @Test func aHeadWhoseByteSizeOverflowsIsMalformed() throws {
    var bytes = try ModelFile.encode(Self.handMade())
    let head = try #require(Self.offset(ofTag: "HEAD", in: bytes))
    Self.write(1 << 31, at: head + 16, in: &bytes)
    Self.write(1 << 31, at: head + 20, in: &bytes)
    Self.resetChecksum(&bytes)
    #expect(
      throws: ModelFileError.malformed(
        path: "m.mtl", problem: "a 2147483648 × 2147483648 matrix does not fit its section")
    ) {
      try ModelFile.decode(bytes, path: "m.mtl")
    }
  }

  /// Overwrites four bytes with `value`, little-endian.
  static func write(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
    for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
  }

  /// The offset of the first section header with `tag`.
  static func offset(ofTag tag: String, in bytes: [UInt8]) -> Int? {
    let pattern = Array(tag.utf8)
    return (0...(bytes.count - pattern.count)).first {
      Array(bytes[$0..<($0 + pattern.count)]) == pattern
    }
  }

  /// Rewrites the trailing checksum so that a deliberately damaged file passes it.
  static func resetChecksum(_ bytes: inout [UInt8]) {
    bytes.removeLast(4)
    var checksum = BinaryWriter()
    checksum.write(Checksum.of(bytes))
    bytes.append(contentsOf: checksum.bytes)
  }

  /// JSON has no infinity, so such a manifest cannot be saved. It used to be written as an
  /// empty manifest section, a file that saved without complaint and never loaded again.
  @Test func aManifestThatJSONCannotHoldFailsTheWriteAndSavesNothing() throws {
    var model = Self.handMade()
    model.manifest.tasks[0].weight = .infinity
    #expect {
      try ModelFile.encode(model, path: "inf.mtl")
    } throws: { error in
      guard case .unencodableManifest(let path, let problem) = error as? PersistenceError else {
        return false
      }
      return path == "inf.mtl" && problem.contains("manifest.tasks[0].weight")
    }
    let directory = try TemporaryDirectory()
    let path = directory.url.appendingPathComponent("model.mtl").path
    #expect(throws: PersistenceError.self) { try ModelFile.write(model, to: path) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
  }

  @Test func unknownSectionsAreSkipped() throws {
    var bytes = try ModelFile.encode(Self.handMade())
    let endStart = bytes.count - 16
    var extra = BinaryWriter()
    extra.write(ModelFile.tag("XTRA"))
    extra.write(UInt64(3))
    extra.write(contentsOf: [1, 2, 3] as [UInt8])
    bytes.insert(contentsOf: extra.bytes, at: endStart)
    bytes.removeLast(4)
    var checksum = BinaryWriter()
    checksum.write(Checksum.of(bytes))
    bytes.append(contentsOf: checksum.bytes)
    #expect(try ModelFile.decode(bytes, path: "extra.mtl") == Self.handMade())
  }
}
