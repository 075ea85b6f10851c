import Foundation
import Testing

@testable import MultiTaskText

/// `QuantizationJob`: the options of `mtl quantize`, checked, and the same model as the
/// quantizer and retrainer called by hand.
struct QuantizationJobTests {
  @Test(arguments: [
    (
      QuantizationJob(bits: 4),
      "--bits takes 8 (8-bit rows); without it rows are product-quantized"
    ),
    (
      QuantizationJob(subvectorDimension: 2, bits: 8),
      "--dsub is for product quantization; --bits 8 stores 8-bit rows"
    ),
    (
      QuantizationJob(quantizeNorms: true, bits: 8),
      "--qnorm is for product quantization; --bits 8 stores 8-bit rows"
    ),
    (QuantizationJob(subvectorDimension: 0), "--dsub must be at least 1, found 0"),
    (QuantizationJob(cutoff: -3), "--cutoff must keep at least 1 row, found -3"),
    (
      QuantizationJob(targetSize: "big"),
      "--target-size expects a size such as 4MB, 800kB or 3MiB, found \"big\""
    ),
    (
      QuantizationJob(targetSize: "1MB", cutoff: 10),
      "--target-size chooses the cutoff; give one or the other"
    ),
  ])
  func contradictoryOrOutOfRangeOptionsAreRefused(job: QuantizationJob, message: String) {
    #expect { try job.checkMethod() } throws: { error in "\(error)" == message }
  }

  @Test func retrainingOptionsOutOfRangeAreRefused() {
    #expect { try QuantizationJob(epochs: 0).checkRetraining() } throws: { error in
      "\(error)" == "--epochs must be between 1 and 100000, found 0"
    }
    #expect { try QuantizationJob(learningRate: .nan).checkRetraining() } throws: { error in
      "\(error)" == "--learning-rate must be above 0, found nan"
    }
  }

  @Test func explicitSettingsQuantizeAsTheQuantizerDoes() throws {
    let (_, model) = try QuantizerTests.floatModel()
    let job = QuantizationJob(cutoff: 40, subvectorDimension: 4, quantizeNorms: true)
    let expected = try Quantizer(
      settings: QuantizationSettings(
        method: .product(subvectorDimension: 4), quantizeNorms: true, cutoff: 40,
        seed: model.manifest.training.seed)
    ).quantize(model)
    let quantized = try job.quantize(model)
    #expect(quantized == expected)
    #expect(try ModelFile.encode(quantized) == ModelFile.encode(expected))
  }

  @Test func aTargetSizeIsSearchedAndRecorded() throws {
    let (_, model) = try QuantizerTests.floatModel()
    let job = QuantizationJob(targetSize: "20kB", seed: 3)
    let settings = try job.settings(for: model)
    let quantized = try job.quantize(model)
    #expect(quantized.manifest.quantization?.targetBytes == 20_000)
    #expect(quantized.manifest.quantization?.seed == 3)
    #expect(try ModelFile.encode(quantized).count <= 20_000)
    #expect(try Quantizer(settings: settings).quantize(model, targetBytes: 20_000) == quantized)
  }

  @Test func retrainingUsesTheJobsEpochsRateAndTheGivenSeed() throws {
    let (_, model) = try QuantizerTests.floatModel()
    let job = QuantizationJob(retrain: true, epochs: 3, learningRate: 0.2)
    let quantized = try job.quantize(model)
    let outcome = try job.retrain(
      quantized, on: HeadRetrainerTests.examples(), files: ["a.jsonl"], seed: 5)
    let byHand = try HeadRetrainer(epochs: 3, learningRate: 0.2, seed: 5).retrain(
      quantized, on: HeadRetrainerTests.examples(), files: ["a.jsonl"])
    #expect(outcome.model == byHand.model)
    #expect(outcome.model.manifest.quantization?.retraining?.epochs == 3)
  }
}
