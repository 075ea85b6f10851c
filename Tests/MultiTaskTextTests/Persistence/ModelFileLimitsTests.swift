import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// Crafted files that declare more than they hold, and models at the limits of the format:
/// the reader refuses the first at the cost of their own size, and reads back every model
/// the writer makes at the limits (``ModelLimits``).
struct ModelFileLimitsTests {
  typealias Golden = ModelFileGoldenTests

  /// The sections of a model file, in order, without the end section.
  static func sections(of bytes: [UInt8]) throws -> [(tag: [UInt8], payload: [UInt8])] {
    var sections: [(tag: [UInt8], payload: [UInt8])] = []
    var offset = 8
    while true {
      let tag = Array(bytes[offset..<(offset + 4)])
      var length = 0
      for index in 0..<8 { length |= Int(bytes[offset + 4 + index]) << (8 * index) }
      if tag == Array("END ".utf8) { return sections }
      sections.append((tag, Array(bytes[(offset + 12)..<(offset + 12 + length)])))
      offset += 12 + length
    }
  }

  /// A file of `sections` with a valid checksum: what a crafted file looks like.
  static func file(_ sections: [(tag: [UInt8], payload: [UInt8])]) -> [UInt8] {
    var writer = BinaryWriter()
    writer.write(contentsOf: Array("MTLM".utf8))
    writer.write(UInt32(2))
    for (tag, payload) in sections {
      writer.write(contentsOf: tag)
      writer.write(UInt64(payload.count))
      writer.write(contentsOf: payload)
    }
    writer.write(contentsOf: Array("END ".utf8))
    writer.write(UInt64(4))
    var bytes = writer.bytes
    bytes.append(contentsOf: [0, 0, 0, 0])
    Golden.resetChecksum(&bytes)
    return bytes
  }

  /// The hand-made model's file with its manifest edited by `edit`, and the embedding
  /// section's row count set to `rows` when given.
  static func crafted(rows: UInt32? = nil, _ edit: (inout [String: Any]) -> Void) throws
    -> [UInt8]
  {
    var sections = try Self.sections(of: try ModelFile.encode(Golden.handMade()))
    for index in sections.indices {
      if sections[index].tag == Array("MANI".utf8) {
        var manifest = try #require(
          try JSONSerialization.jsonObject(with: Data(sections[index].payload)) as? [String: Any])
        edit(&manifest)
        sections[index].payload = Array(try JSONSerialization.data(withJSONObject: manifest))
      }
      if let rows, sections[index].tag == Array("EMBD".utf8) {
        Golden.write(rows, at: 0, in: &sections[index].payload)
      }
    }
    return Self.file(sections)
  }

  @Test func zerosAfterTheHeaderAreRefusedAtTheFirstSection() throws {
    let bytes = Array("MTLM".utf8) + [2, 0, 0, 0] + [UInt8](repeating: 0, count: 4 << 20)
    let started = ContinuousClock.now
    #expect(
      throws: ModelFileError.malformed(
        path: "zeros.mtl",
        problem: "the bytes at 8 are not a section (a tag of four letters was expected); the"
          + " file is damaged")
    ) {
      try ModelFile.decode(bytes, path: "zeros.mtl")
    }
    #expect(ContinuousClock.now - started < .seconds(2))
  }

  /// Read from disk, the same file is refused after its first chunk, not read whole.
  @Test func aFileOfZerosIsRefusedBeforeItIsReadWhole() throws {
    let directory = try TemporaryDirectory()
    let path = directory.url.appendingPathComponent("zeros.mtl").path
    let bytes = Array("MTLM".utf8) + [2, 0, 0, 0] + [UInt8](repeating: 0, count: 64 << 20)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect {
      try ModelFile.read(path: path)
    } throws: { error in
      "\(error)".contains("the bytes at 8 are not a section")
    }
  }

  @Test func aDimensionBeyondTheLimitIsRefusedFromTheManifest() throws {
    let bytes = try Self.crafted { $0["dimension"] = 262_144 }
    #expect {
      try ModelFile.decode(bytes, path: "wide.mtl")
    } throws: { error in
      "\(error)".contains("the dimension must be 1–4096, found 262144")
    }
  }

  @Test func aModelDeclaringFarMoreRowsThanItStoresLoadsInProportion() throws {
    let buckets = 100_000_000
    let bytes = try Self.crafted(rows: UInt32(buckets + 2)) { manifest in
      var features = manifest["features"] as? [String: Any] ?? [:]
      features["buckets"] = buckets
      manifest["features"] = features
    }
    let model = try ModelFile.decode(bytes, path: "sparse.mtl")
    #expect(model.embeddings.rows == buckets + 2)
    // No index of 100 M positions: the stored rows are searched instead.
    #expect(model.embeddings.positions == nil)
    #expect(model.embeddings.sortedRows?.count == 3)
    #expect(model.embeddings.row(0) == [1, -1])
    #expect(model.embeddings.row(3) == [2, 0])
    #expect(model.embeddings.row(buckets) == [0, 0])
  }

  @Test func bucketsAndRowsBeyondTheLimitsAreRefused() throws {
    let bytes = try Self.crafted(rows: UInt32(ModelLimits.maximumRows + 3)) { manifest in
      var features = manifest["features"] as? [String: Any] ?? [:]
      features["buckets"] = ModelLimits.maximumRows + 1
      manifest["features"] = features
    }
    #expect {
      try ModelFile.decode(bytes, path: "tall.mtl")
    } throws: { error in
      "\(error)".contains("at most \(ModelLimits.maximumRows) embedding rows")
    }
  }

  /// What training accepts, the reader reads: the most buckets and the widest dimension.
  @Test(arguments: [(ModelLimits.maximumBuckets, 1), (16, ModelLimits.maximumDimension)])
  func aModelAtTheLimitsRoundTrips(buckets: Int, dimension: Int) throws {
    let features = FeatureConfiguration(
      wordNgrams: 2, buckets: buckets, minCharNgram: 0, maxCharNgram: 0)
    #expect(throws: Never.self) { try features.validate() }
    #expect(ModelLimits.problem(rows: buckets + 100, dimension: dimension) == nil)
    let examples = TrainingFixture.topic.map { Example(text: $0.0, labels: ["topic": $0.1]) }
    let model = try Trainer(
      tasks: [TaskSpecification(name: "topic")], features: features,
      model: ModelConfiguration(dimension: dimension),
      training: TrainingConfiguration(epochs: 2, learningRate: 0.5, optimizer: .sgd)
    ).train(examples: examples)
    let directory = try TemporaryDirectory()
    let path = directory.url.appendingPathComponent("limit.mtl").path
    try ModelFile.write(model, to: path)
    let read = try ModelFile.read(path: path)
    #expect(read.manifest.features.buckets == buckets)
    #expect(read.manifest.dimension == dimension)
    let original = try Predictor(model: model)
    let reloaded = try Predictor(model: read)
    for (text, _) in TrainingFixture.topic {
      #expect(try original.predict(text) == reloaded.predict(text))
    }
  }

  @Test func bucketsAboveTheLimitAreRefusedByValidation() {
    let features = FeatureConfiguration(buckets: ModelLimits.maximumBuckets + 1)
    #expect(throws: FeatureConfigurationError.self) { try features.validate() }
  }

  @Test func subvectorsWiderThanTheLimitAreRefusedByWriterAndReader() throws {
    let settings = QuantizationSettings(method: .product(subvectorDimension: 17))
    #expect(settings.problem(dimension: 64) != nil)
    #expect(
      QuantizationSettings(method: .product(subvectorDimension: 16)).problem(dimension: 64) == nil)
  }
}
