import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// `SizeTarget` and `ByteCount`: the chosen settings fit, and the size estimate is exact.
struct SizeTargetTests {
  @Test(arguments: [
    QuantizationSettings(method: .product(subvectorDimension: 2), quantizeNorms: true),
    QuantizationSettings(method: .product(subvectorDimension: 4), cutoff: 20),
    QuantizationSettings(method: .eightBit, cutoff: 35),
  ])
  func theSizeEstimateIsTheFileSize(_ settings: QuantizationSettings) throws {
    let (_, model) = try QuantizerTests.floatModel()
    let sizer = try Sizer(model: model, manifestSlack: 0)
    let quantized = try Quantizer(settings: settings).quantize(model)
    let actual = try ModelFile.encode(quantized).count
    let rows = settings.cutoff ?? model.embeddings.storedRows.count
    let estimate = sizer.bytes(settings, keeping: rows)
    // The estimate leaves out only the manifest's quantization record.
    let record =
      try ModelFile.encodeManifest(quantized.manifest, path: "").count
      - (try ModelFile.encodeManifest(model.manifest, path: "").count)
    #expect(estimate + record == actual)
  }

  @Test func aTargetIsMetWithTheNarrowestCodesThatKeepEnoughRows() throws {
    let (_, model) = try QuantizerTests.floatModel()
    let full = try ModelFile.encode(
      try Quantizer(settings: QuantizationSettings(quantizeNorms: true)).quantize(model)
    ).count
    // Room for everything at sub-vectors of 2: nothing is pruned.
    let roomy = try SizeTarget(bytes: full + 2000).settings(for: model, seed: 1)
    #expect(roomy.method == .product(subvectorDimension: 2) && roomy.cutoff == nil)
    #expect(roomy.quantizeNorms)
    for target in [full - 300, full - 1000, full / 2] {
      let settings = try SizeTarget(bytes: target).settings(for: model, seed: 1)
      let quantized = try Quantizer(settings: settings).quantize(model, targetBytes: target)
      #expect(try ModelFile.encode(quantized).count <= target, "\(settings)")
      #expect(quantized.manifest.quantization?.targetBytes == target)
    }
  }

  @Test func aTargetBelowAnyModelIsRefusedWithTheSmallestSize() throws {
    let (_, model) = try QuantizerTests.floatModel()
    #expect {
      try SizeTarget(bytes: 500).settings(for: model, seed: 1)
    } throws: { error in
      guard case .targetTooSmall(500, let smallest) = error as? QuantizationError else {
        return false
      }
      return smallest > 500 && "\(error)".contains("give a larger --target-size")
    }
  }

  @Test func byteCountsParseAndPrintAsPeopleWriteThem() {
    #expect(ByteCount.parse("4MB") == 4_000_000)
    #expect(ByteCount.parse("4 mb") == 4_000_000)
    #expect(ByteCount.parse("3.5M") == 3_500_000)
    #expect(ByteCount.parse("800kB") == 800_000)
    #expect(ByteCount.parse("2MiB") == 2_097_152)
    #expect(ByteCount.parse("1234") == 1234)
    for bad in ["", "MB", "-4MB", "4XB", "0", "nan", "4MB4"] {
      #expect(ByteCount.parse(bad) == nil, "\(bad)")
    }
    #expect(ByteCount.text(3_712_345) == "3.71 MB")
    #expect(ByteCount.text(812_000) == "812 kB")
    #expect(ByteCount.text(96) == "96 B")
  }
}
