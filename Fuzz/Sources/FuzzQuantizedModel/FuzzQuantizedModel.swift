// Fuzzes the quantized embedding section (QEMB) inside an otherwise valid model file.
//
// The whole-file fuzzer (FuzzModelFile) rarely reaches deep into QEMB: most mutations break
// the sections around it. Here each input is the QEMB payload alone; the target wraps it in the
// manifest, vocabulary and head of a small product-quantized model made at start-up, with a
// valid checksum, and decodes the file. Beyond "no crash", it checks what the reader promises:
// a file that decodes costs memory in proportion to its size (the decoded rows at most 64 times
// the payload, ModelLimits.maximumSubvectorDimension), and re-encodes to bytes that decode to
// the same bytes again.
//
// The first input byte picks the template: product quantization with norms, without, or 8-bit.
// Run with MTL_FUZZ_WRITE_SEEDS=DIR to write the templates' own payloads as seeds.
import FuzzDriver
import Foundation

@testable import MultiTaskText

#if canImport(Glibc)
  import Glibc
#endif

/// The entry point SwiftPM links as `main`; hands control to libFuzzer.
@_cdecl("FuzzQuantizedModel_main")
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>)
  -> CInt
{
  if let folder = getenv("MTL_FUZZ_WRITE_SEEDS").map({ String(cString: $0) }) {
    for (index, template) in templates.enumerated() {
      let seed = [UInt8(index)] + template.payload
      FileManager.default.createFile(atPath: "\(folder)/template-\(index)", contents: Data(seed))
    }
    return 0
  }
  return mtl_fuzz_main(argc, argv) { data, size in data.map { fuzz($0, size) } ?? 0 }
}

/// A quantized model split around its QEMB section.
private struct Template {
  var before: [UInt8]
  var payload: [UInt8]
  var after: [UInt8]
}

/// The three templates, made once: a 64-word, 16-bucket, dimension-8 model, quantized three
/// ways.
private let templates: [Template] = {
  let words = (0..<64).map { "w\($0)" }
  let features = FeatureConfiguration(wordNgrams: 1, buckets: 16)
  let manifest = ModelManifest(
    icuVersion: "72.1", normalizer: TextNormalizer(), tokenizer: Tokenizer(),
    features: features, dimension: 8,
    tasks: [ModelManifest.Task(name: "t", labels: LabelSet(["a", "b"]))],
    training: TrainingConfiguration(epochs: 1, learningRate: 0.5, optimizer: .sgd))
  var generator = SplitMix64(seed: 3, stream: .base)
  let rows = words.count + 16
  let values = (0..<(rows * 8)).map { _ in Float(generator.next() % 2001) / 1000 - 1 }
  let model = MultiTaskModel(
    manifest: manifest, vocabulary: Vocabulary(tokens: words, counts: words.map { _ in 1 }),
    embeddings: Matrix(rows: rows, columns: 8, storage: values),
    heads: [Matrix(rows: 2, columns: 8, storage: Array(values.prefix(16)))])
  let settings = [
    QuantizationSettings(method: .product(subvectorDimension: 2), quantizeNorms: true),
    QuantizationSettings(method: .product(subvectorDimension: 4)),
    QuantizationSettings(method: .eightBit),
  ]
  return settings.map { setting in
    guard let quantized = try? Quantizer(settings: setting).quantize(model),
      let bytes = try? ModelFile.encode(quantized),
      let range = section("QEMB", in: bytes)
    else { fatalError("the quantized template failed to encode") }
    return Template(
      before: Array(bytes[0..<(range.lowerBound - 12)]), payload: Array(bytes[range]),
      after: Array(bytes[range.upperBound..<(bytes.count - 16)]))
  }
}()

/// libFuzzer's per-input callback.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size >= 1 else { return 0 }
  let template = templates[Int(data[0]) % templates.count]
  let payload = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  var writer = BinaryWriter()
  writer.write(contentsOf: template.before)
  writer.write(ModelFile.quantizedEmbeddingsTag)
  writer.write(UInt64(payload.count))
  writer.write(contentsOf: payload)
  writer.write(contentsOf: template.after)
  writer.write(ModelFile.endTag)
  writer.write(UInt64(4))
  writer.write(Checksum.of(writer.bytes[...]))
  let bytes = writer.bytes
  guard let model = try? ModelFile.decode(bytes, path: "fuzz.mtl") else { return 0 }
  // Memory in proportion to the file: the decoded rows against the section's bytes.
  let decoded = model.embeddings.storage.count * 4
  if decoded > 64 * payload.count + 4096 {
    fatalError("\(payload.count) payload bytes decoded to \(decoded) bytes of rows")
  }
  guard let encoded = try? ModelFile.encode(model) else {
    fatalError("a decoded quantized model failed to encode")
  }
  guard let again = try? ModelFile.decode(encoded, path: "fuzz.mtl"),
    (try? ModelFile.encode(again)) == encoded
  else {
    fatalError("encode(decode(encode(model))) differs from encode(model)")
  }
  return 0
}

/// The payload range of the first section tagged `tag`.
private func section(_ tag: String, in bytes: [UInt8]) -> Range<Int>? {
  var offset = 8
  while offset + 12 <= bytes.count {
    let found = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
    var length = 0
    for index in 0..<8 { length |= Int(bytes[offset + 4 + index]) << (8 * index) }
    if found == tag { return (offset + 12)..<(offset + 12 + length) }
    offset += 12 + length
  }
  return nil
}
