import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// The version-2 layout of quantized models, and version-1 files still read.
struct QuantizedModelFileTests {
  @Test(arguments: [
    QuantizationSettings(method: .product(subvectorDimension: 2), cutoff: 30),
    QuantizationSettings(method: .product(subvectorDimension: 5), quantizeNorms: true),
    QuantizationSettings(method: .eightBit, cutoff: 50),
  ])
  func aQuantizedModelRoundTripsToTheSameBytesAndPredictions(
    _ settings: QuantizationSettings
  ) throws {
    let (_, model) = try QuantizerTests.floatModel()
    let quantized = try Quantizer(settings: settings).quantize(model)
    let bytes = try ModelFile.encode(quantized)
    #expect(Array(bytes[4..<8]) == [2, 0, 0, 0])
    if settings.method == .eightBit {
      // A tiny model's codebooks are as large as its rows; 8-bit rows have none.
      #expect(bytes.count < (try ModelFile.encode(model)).count)
    }
    let loaded = try ModelFile.decode(bytes, path: "small.mtl")
    #expect(loaded == quantized)
    #expect(loaded.quantizedEmbeddings != nil)
    #expect(try ModelFile.encode(loaded) == bytes)
    #expect(try QuantizerTests.distributions(loaded) == QuantizerTests.distributions(quantized))
  }

  @Test func aVersionOneFileStillReads() throws {
    let (_, model) = try QuantizerTests.floatModel()
    var bytes: [UInt8] = []
    // The writer of earlier builds: the same sections under version 1.
    try ModelFile.stream(model, path: "old.mtl", version: 1) { (chunk) throws(PersistenceError) in
      bytes.append(contentsOf: chunk)
    }
    #expect(Array(bytes[4..<8]) == [1, 0, 0, 0])
    #expect(try ModelFile.decode(bytes, path: "old.mtl") == model)
  }

  @Test func quantizedRowsInAVersionOneFileAreMalformed() throws {
    let (_, model) = try QuantizerTests.floatModel()
    let quantized = try Quantizer().quantize(model)
    var bytes: [UInt8] = []
    try ModelFile.stream(quantized, path: "m.mtl", version: 1) { (chunk) throws(PersistenceError) in
      bytes.append(contentsOf: chunk)
    }
    #expect {
      try ModelFile.decode(bytes, path: "m.mtl")
    } throws: { error in
      "\(error)".contains("quantized rows need format version 2")
    }
  }

  @Test func quantizedRowsWithoutTheirManifestRecordAreMalformed() throws {
    let (_, model) = try QuantizerTests.floatModel()
    var quantized = try Quantizer().quantize(model)
    quantized.manifest.quantization = nil
    let bytes = try ModelFile.encode(quantized)
    #expect {
      try ModelFile.decode(bytes, path: "m.mtl")
    } throws: { error in
      "\(error)".contains("the manifest does not record how")
    }
  }

  @Test func aDamagedCodeIsCaughtByTheChecksumAndABadOneByTheReader() throws {
    let (_, model) = try QuantizerTests.floatModel()
    let quantized = try Quantizer(settings: QuantizationSettings(cutoff: 10)).quantize(model)
    var bytes = try ModelFile.encode(quantized)
    // Only 10 rows, so only 10 centroids: a code byte of 0xFF is past them.
    let section = try #require(ModelFileGoldenTests.offset(ofTag: "QEMB", in: bytes))
    let length = bytes[(section + 4)..<(section + 12)].reversed().reduce(0) { $0 << 8 | Int($1) }
    // The section ends with the codes: its last byte is the last row's last code.
    let codes = section + 12 + length - 1
    bytes[codes] = 0xFF
    #expect(throws: ModelFileError.checksumMismatch(path: "m.mtl")) {
      try ModelFile.decode(bytes, path: "m.mtl")
    }
    ModelFileGoldenTests.resetChecksum(&bytes)
    #expect {
      try ModelFile.decode(bytes, path: "m.mtl")
    } throws: { error in
      "\(error)".contains("has a code past its 10 centroids")
    }
  }

  @Test(arguments: [0.999, 0.9, 0.5])
  func aTruncatedQuantizedFileSaysSo(_ fraction: Double) throws {
    let (_, model) = try QuantizerTests.floatModel()
    let bytes = try ModelFile.encode(try Quantizer().quantize(model))
    #expect {
      try ModelFile.decode(Array(bytes[0..<Int(Double(bytes.count) * fraction)]), path: "m.mtl")
    } throws: { error in
      guard case .truncated = error as? ModelFileError else { return false }
      return true
    }
  }
}
