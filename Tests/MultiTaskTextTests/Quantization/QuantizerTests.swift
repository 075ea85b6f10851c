import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// `Quantizer`: pruning, product codes and 8-bit rows checked against the float rows.
struct QuantizerTests {
  static func floatModel() throws -> (TrainingFixture, MultiTaskModel) {
    let fixture = try TrainingFixture(epochs: 10)
    return (fixture, try fixture.configuration.trainModel())
  }

  static let documents = [
    "the striker scored twice in the final match", "the minister resigned over the scandal",
    "a wonderful and moving film", "i hated the awful ending", "voters elect a new senate",
  ]

  /// Every task's distribution for each document.
  static func distributions(_ model: MultiTaskModel) throws -> [[Float]] {
    let predictor = try Predictor(model: model)
    return try documents.map { text in
      try predictor.predict(text).flatMap { $0.distribution.map(\.1) }
    }
  }

  @Test func productCodesWithOneCentroidPerRowAreLossless() throws {
    let (_, model) = try Self.floatModel()
    // Fewer rows than 256 centroids and sub-vectors of 1: every value is its own centroid.
    let trained = model.embeddings.storedRows.count
    try #require(trained <= 256)
    let quantized = try Quantizer(
      settings: QuantizationSettings(method: .product(subvectorDimension: 1))
    )
    .quantize(model)
    #expect(quantized.embeddings == model.embeddings)
    #expect(try Self.distributions(quantized) == Self.distributions(model))
    let record = try #require(quantized.manifest.quantization)
    #expect(
      record.method == "product" && record.rowsKept == trained && record.rowsBefore == trained)
    #expect(record.wordsKept == model.vocabulary.count)
  }

  @Test func productCodesDecodeToTheNearestCentroidOfEachSubvector() throws {
    let (_, model) = try Self.floatModel()
    let settings = QuantizationSettings(method: .product(subvectorDimension: 3), iterations: 10)
    let quantized = try Quantizer(settings: settings).quantize(model)
    guard case .product(let quantizer, let codes) = quantized.quantizedEmbeddings?.encoding else {
      Issue.record("not product codes")
      return
    }
    // 16 columns in sub-vectors of 3: five of 3 and a last of 1.
    #expect(quantizer.subquantizerCount == 6 && quantizer.width(of: 5) == 1)
    let rows = model.embeddings.storedRows
    for (index, row) in rows.enumerated() {
      let original = model.embeddings.row(row)
      let decoded = quantized.embeddings.row(row)
      for subquantizer in 0..<6 {
        let start = subquantizer * 3
        let width = quantizer.width(of: subquantizer)
        // The naive reference: scan every centroid of this sub-quantizer.
        var best = 0
        var bestDistance = Float.infinity
        for centroid in 0..<quantizer.centroidCount {
          let base = subquantizer * quantizer.centroidCount * 3 + centroid * width
          var distance: Float = 0
          for column in 0..<width {
            let difference = original[start + column] - quantizer.centroids[base + column]
            distance += difference * difference
          }
          if distance < bestDistance {
            bestDistance = distance
            best = centroid
          }
        }
        #expect(Int(codes[index * 6 + subquantizer]) == best)
        let base = subquantizer * quantizer.centroidCount * 3 + best * width
        for column in 0..<width {
          #expect(decoded[start + column] == quantizer.centroids[base + column])
        }
      }
    }
  }

  @Test func eightBitRowsAreWithinHalfAStepOfTheFloats() throws {
    let (_, model) = try Self.floatModel()
    let quantized = try Quantizer(settings: QuantizationSettings(method: .eightBit)).quantize(model)
    for row in model.embeddings.storedRows {
      let original = model.embeddings.row(row)
      let decoded = quantized.embeddings.row(row)
      let step = ((original.max() ?? 0) - (original.min() ?? 0)) / 255
      for (value, approximation) in zip(original, decoded) {
        #expect(abs(value - approximation) <= step / 2 * 1.001 + 1e-7)
      }
    }
    let predicted = try Self.distributions(quantized)
    for (left, right) in zip(predicted, try Self.distributions(model)) {
      for (a, b) in zip(left, right) { #expect(abs(a - b) < 0.02) }
    }
  }

  @Test func aCutoffKeepsTheRowsOfLargestNormAndDropsTheirWords() throws {
    let (_, model) = try Self.floatModel()
    let rows = model.embeddings.storedRows
    let cutoff = rows.count / 3
    let settings = QuantizationSettings(method: .product(subvectorDimension: 1), cutoff: cutoff)
    let quantized = try Quantizer(settings: settings).quantize(model)
    // The naive reference: sort the rows by norm.
    func norm(_ row: Int) -> Float { model.embeddings.row(row).reduce(0) { $0 + $1 * $1 } }
    let expected = Set(
      rows.sorted { norm($0) != norm($1) ? norm($0) > norm($1) : $0 < $1 }.prefix(cutoff))
    let keptWords = (0..<model.vocabulary.count).filter { expected.contains($0) }
    #expect(quantized.vocabulary.count == keptWords.count)
    #expect(quantized.vocabulary.tokens == keptWords.map { model.vocabulary.tokens[$0] })
    #expect(quantized.embeddings.storedRows.count == cutoff)
    let removed = model.vocabulary.count - keptWords.count
    for row in rows {
      let newRow: Int? =
        row < model.vocabulary.count ? keptWords.firstIndex(of: row) : row - removed
      guard let newRow else { continue }
      // Lossless codes: a kept row keeps its values, a dropped one becomes zero.
      let values = quantized.embeddings.row(newRow)
      #expect(
        values
          == (expected.contains(row)
            ? model.embeddings.row(row) : [Float](repeating: 0, count: values.count)))
    }
    #expect(quantized.manifest.quantization?.cutoff == cutoff)
    #expect(quantized.manifest.quantization?.wordsKept == keptWords.count)
  }

  @Test func normsQuantizedApartScaleUnitRows() throws {
    let (_, model) = try Self.floatModel()
    let settings = QuantizationSettings(
      method: .product(subvectorDimension: 1), quantizeNorms: true)
    let quantized = try Quantizer(settings: settings).quantize(model)
    #expect(quantized.quantizedEmbeddings?.norms != nil)
    // Fewer rows than norm centroids: norms and directions are exact, up to rounding.
    for row in model.embeddings.storedRows {
      for (a, b) in zip(model.embeddings.row(row), quantized.embeddings.row(row)) {
        #expect(abs(a - b) < 1e-5)
      }
    }
  }

  @Test func theSameSeedGivesTheSameBytes() throws {
    let (_, model) = try Self.floatModel()
    let settings = QuantizationSettings(method: .product(subvectorDimension: 2), cutoff: 40)
    let first = try ModelFile.encode(try Quantizer(settings: settings).quantize(model))
    let second = try ModelFile.encode(try Quantizer(settings: settings).quantize(model))
    #expect(first == second)
  }

  @Test func badSettingsAndAQuantizedModelAreRefused() throws {
    let (_, model) = try Self.floatModel()
    let quantized = try Quantizer().quantize(model)
    #expect {
      try Quantizer().quantize(quantized)
    } throws: { error in
      guard case .alreadyQuantized = error as? QuantizationError else { return false }
      return "\(error)".contains("quantize the float model")
    }
    for settings in [
      QuantizationSettings(method: .product(subvectorDimension: 17)),
      QuantizationSettings(method: .product(subvectorDimension: 0)),
      QuantizationSettings(method: .eightBit, quantizeNorms: true),
      QuantizationSettings(cutoff: 0),
    ] {
      #expect {
        try Quantizer(settings: settings).quantize(model)
      } throws: { error in
        guard case .badSetting = error as? QuantizationError else { return false }
        return true
      }
    }
  }

  @Test func explanationsWorkOnAQuantizedModel() throws {
    let (_, model) = try Self.floatModel()
    let quantized = try Quantizer(
      settings: QuantizationSettings(method: .product(subvectorDimension: 1))
    )
    .quantize(model)
    for task in model.manifest.tasks.indices {
      let floatExplanation = try Explainer(model: model).explain(Self.documents[0], task: task)
      let quantizedExplanation = try Explainer(model: quantized).explain(
        Self.documents[0], task: task)
      #expect(floatExplanation == quantizedExplanation)
    }
  }
}
