import Testing

@testable import MultiTaskText

/// The model file's `LINR` sections: a round trip, and damaged sections refused by name.
struct ModelFileLinearTests {
  static func modelWithPath() throws -> MultiTaskModel {
    let examples = LinearPathTests.keywordExamples()
    return try LinearPathTests.trainer(linear: .on).train(
      examples: examples, development: examples)
  }

  /// `bytes` with the checksum recomputed, so a test reaches the section it damaged.
  static func resealed(_ bytes: [UInt8]) -> [UInt8] {
    var bytes = bytes
    let checksum = Checksum.of(bytes[0..<(bytes.count - 4)])
    for index in 0..<4 {
      bytes[bytes.count - 4 + index] = UInt8(truncatingIfNeeded: checksum >> (8 * index))
    }
    return bytes
  }

  /// Where the first `LINR` section's payload starts.
  static func linearPayload(in bytes: [UInt8]) throws -> Int {
    let tag = Array("LINR".utf8)
    let start = try #require(
      (8..<(bytes.count - 4)).first { Array(bytes[$0..<($0 + 4)]) == tag })
    return start + 12
  }

  @Test func aPathSurvivesTheRoundTrip() throws {
    let model = try Self.modelWithPath()
    #expect(model.linearPaths.count == 1)
    let bytes = try ModelFile.encode(model)
    let decoded = try ModelFile.decode(bytes, path: "m.mtl")
    #expect(decoded == model)
    #expect(decoded.linearPaths == model.linearPaths)
    let text = "the bravo report now said bravo"
    let answers = try Predictor(model: decoded).predict(text).map {
      "\($0.label) \($0.probability)"
    }
    #expect(
      answers == (try Predictor(model: model).predict(text).map { "\($0.label) \($0.probability)" })
    )
  }

  @Test func aSectionDeclaringMoreFeaturesThanItHoldsIsRefused() throws {
    var bytes = try ModelFile.encode(try Self.modelWithPath())
    let payload = try Self.linearPayload(in: bytes)
    // The feature count, the third UInt32, raised by one.
    bytes[payload + 8] &+= 1
    #expect {
      try ModelFile.decode(Self.resealed(bytes), path: "m.mtl")
    } throws: { error in
      guard case .malformed(let path, let problem) = error as? ModelFileError else { return false }
      return path == "m.mtl" && problem.contains("linear path of task 0")
        && problem.contains("do not fit")
    }
  }

  @Test func aSectionForAMissingTaskIsRefused() throws {
    var bytes = try ModelFile.encode(try Self.modelWithPath())
    let payload = try Self.linearPayload(in: bytes)
    bytes[payload] = 5
    #expect {
      try ModelFile.decode(Self.resealed(bytes), path: "m.mtl")
    } throws: { error in
      guard case .malformed(_, let problem) = error as? ModelFileError else { return false }
      return problem.contains("linear path of task 5 has no task")
    }
  }

  @Test func quantizingKeepsThePath() throws {
    let model = try Self.modelWithPath()
    let words = model.vocabulary.count
    let kept = Array(stride(from: 0, to: words, by: 2))
    let path = try #require(model.linearPaths[0])
    let remapped = path.remapped(keptWords: kept, wordsBefore: words)
    // Kept words take their new ids; buckets move down by the words removed.
    for (column, feature) in path.features.enumerated() {
      let expected: Int32? =
        Int(feature) < words
        ? (Int(feature) % 2 == 0 ? Int32(Int(feature) / 2) : nil)
        : feature - Int32(words - kept.count)
      guard let expected else { continue }
      let found = try #require(remapped.column(of: expected))
      #expect(remapped.inverseFrequencies[Int(found)] == path.inverseFrequencies[column])
    }
  }
}
