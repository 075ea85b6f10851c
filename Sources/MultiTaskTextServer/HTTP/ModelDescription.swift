import Foundation
import MultiTaskText

/// The body of `GET /v1/model`: what is being served and how it reads text.
struct ModelDescription: Encodable {
  struct Task: Encodable {
    var name: String
    var type: String
    var labels: [String]
    var metric: String
    var thresholds: [Float]?
    var temperature: Float?
    var minProbability: Float?
  }

  var path: String
  /// CRC-32C of the file, as stored in its last four bytes.
  var checksum: String
  /// The program that trained the model and its version, as the manifest records it.
  var producer: String
  /// The file's modification time: the manifest holds no training date, and `mtl train`
  /// writes the file when training ends.
  var trainedAt: String?
  var loadedAt: String
  var icuVersion: String
  var dimension: Int
  var tasks: [Task]
  var normalizer: TextNormalizer
  var tokenizer: Tokenizer
  var features: FeatureConfiguration
  /// How the model was quantized (`mtl quantize`); absent for a float model.
  var quantization: ModelManifest.Quantization?

  init(_ loaded: LoadedModel) {
    let manifest = loaded.model.manifest
    let format = ISO8601DateFormatter()
    path = loaded.path
    checksum = loaded.checksumText
    producer = manifest.producer
    trainedAt = loaded.fileModified.map { format.string(from: $0) }
    loadedAt = format.string(from: loaded.loadedAt)
    icuVersion = manifest.icuVersion
    dimension = manifest.dimension
    tasks = manifest.tasks.map { task in
      Task(
        name: task.name, type: task.isMultiLabel ? "multiLabel" : "singleLabel",
        labels: task.labels.labels, metric: task.metric?.description ?? "accuracy",
        thresholds: task.thresholds, temperature: task.temperature,
        minProbability: task.minProbability)
    }
    normalizer = manifest.normalizer
    tokenizer = manifest.tokenizer
    features = manifest.features
    quantization = manifest.quantization
  }
}
