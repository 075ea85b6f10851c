import Foundation
import Testing

@testable import MultiTaskText

/// The predictor pool and the parallel runner that `mtl predict`, the server and the C API
/// share: answers in document order whatever the thread count, and the first failure by
/// document order.
@Suite struct ParallelPredictionTests {
  struct Rejected: Error, Equatable {
    let document: Int
  }

  static let texts = (0..<1_000).map { index in
    [
      "the striker scored twice", "win a free prize now", "", "parliament passed the budget",
      "call now to claim your reward", "the goalkeeper saved a penalty \(index)",
    ][index % 6]
  }

  /// Every document's JSON line, predicted in chunks on `threads` threads.
  static func lines(
    model: MultiTaskModel, threads: Int, minimumChunk: Int = 16
  ) throws -> [UInt8] {
    let pool = try PredictorPool(model: model)
    let formatter = try PredictionFormatter(
      model: model, options: PredictionOptions(topK: 2))
    let parallel = ParallelPrediction(pool: pool, threads: threads, minimumChunk: minimumChunk)
    let parts = try parallel.run(
      count: texts.count,
      { (pooled, range) throws(TextError) -> [UInt8] in
        var bytes: [UInt8] = []
        for index in range {
          var text = texts[index]
          try text.withUTF8Bytes { (utf8) throws(TextError) in
            try pooled.predictor.run(utf8)
            formatter.appendJSONLine(of: pooled.predictor, to: &bytes)
          }
        }
        return bytes
      }, unavailable: { .icu(operation: "open", name: "\($0)") })
    return parts.flatMap { $0 }
  }

  @Test func answersAreTheSameBytesAtAnyThreadCount() throws {
    let model = try PredictionFormatterTests.singleLabelModel()
    let one = try Self.lines(model: model, threads: 1)
    #expect(one.filter { $0 == UInt8(ascii: "\n") }.count == Self.texts.count)
    for threads in [2, 3, 8] {
      #expect(try Self.lines(model: model, threads: threads) == one, "\(threads) threads")
    }
  }

  @Test func chunksCoverEveryDocumentOnceInOrder() throws {
    let pool = try PredictorPool(model: PredictionFormatterTests.singleLabelModel())
    for (count, threads) in [(0, 2), (10, 2), (1_000, 2), (1_001, 3), (5, 1)] {
      let chunks = ParallelPrediction(pool: pool, threads: threads, minimumChunk: 16)
        .chunks(count: count)
      #expect(chunks.first?.lowerBound == 0)
      #expect(chunks.last?.upperBound == count)
      for (before, after) in zip(chunks, chunks.dropFirst()) {
        #expect(before.upperBound == after.lowerBound)
      }
      if threads == 1 || count <= 16 { #expect(chunks.count == 1) }
    }
  }

  @Test func theFirstFailureByDocumentOrderIsThrown() throws {
    let pool = try PredictorPool(model: PredictionFormatterTests.singleLabelModel())
    let parallel = ParallelPrediction(pool: pool, threads: 4, minimumChunk: 8)
    let failing: Set<Int> = [300, 301, 900]
    #expect(throws: Rejected(document: 300)) {
      _ = try parallel.run(
        count: 1_000,
        { (_, range) throws(Rejected) -> Int in
          if let document = range.first(where: failing.contains) {
            throw Rejected(document: document)
          }
          return range.count
        }, unavailable: { _ in Rejected(document: -1) })
    }
    // Every predictor lent went back to the pool.
    #expect(pool.idleCount >= 1)
    let counts = try parallel.run(
      count: 1_000, { (_, range) throws(Rejected) in range.count },
      unavailable: { _ in Rejected(document: -1) })
    #expect(counts.reduce(0, +) == 1_000)
  }

  @Test func aPoolLendsEachPredictorToOneBorrowerAtATime() throws {
    let pool = try PredictorPool(model: PredictionFormatterTests.singleLabelModel(), count: 2)
    #expect(pool.idleCount == 2)
    let inner = try pool.withPredictor(
      { (outer) throws(ModelError) in
        try pool.withPredictor(
          { (inner) throws(ModelError) in
            #expect(inner !== outer)
            return pool.idleCount
          }, unavailable: { $0 })
      }, unavailable: { $0 })
    #expect(inner == 0)
    #expect(pool.idleCount == 2)
  }
}
