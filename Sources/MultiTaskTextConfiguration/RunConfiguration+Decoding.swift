import Foundation
import MultiTaskText

extension RunConfiguration {
  /// Decodes and validates a whole document, resolving relative paths against
  /// `baseDirectory`.
  ///
  /// - Parameters:
  ///   - document: The parsed file, with overrides already applied.
  ///   - baseDirectory: The absolute folder of the configuration file.
  ///   - sourceName: The configuration file's path, for error messages and the default
  ///     output directory.
  init(
    document: ConfigurationValue, baseDirectory: String, sourceName: String
  ) throws(ConfigurationError) {
    let context = ConfigurationContext(sourceName: sourceName, baseDirectory: baseDirectory)
    let root = try ConfigurationObject(document, keyPath: "", context: context)
    // Corpus files default to `training.skipInvalid`, so the training section is decoded
    // before the tasks; its errors have always been reported first.
    self = try Self.configurationTable.decode(root, applyingFirst: [Self.trainingKey])
    if pipeline.tasks.contains(where: { $0.specification.type == .multiLabel }) {
      let section = try root[Self.trainingKey].map { (value) throws(ConfigurationError) in
        try ConfigurationObject(value, keyPath: Self.trainingKey, context: context)
      }
      Self.applyMultiLabelDefaults(to: &pipeline.training, given: section)
    }
    try checkModelLimits(sourceName: sourceName)
  }

  /// Refuses a model the file format cannot hold (``ModelLimits``) before any work, since
  /// training it would end in a file `mtl` cannot read: each table's rows × dimension. The
  /// vocabulary's rows are known only after reading, and are checked then.
  private func checkModelLimits(sourceName: String) throws(ConfigurationError) {
    let dimension = pipeline.model.dimension
    let tables = [
      ("features.buckets", pipeline.features.buckets),
      ("model.privateBuckets", pipeline.model.privateBuckets),
    ]
    for (key, rows) in tables {
      if let problem = ModelLimits.problem(rows: rows, dimension: dimension) {
        throw .conflictingKeys(
          path: sourceName, key: key,
          problem: "is too large for the model file format: \(problem); lower \(key) or "
            + "model.dimension")
      }
    }
  }

  /// With a multi-label task, the optimizer defaults to fastText's SGD, starting at 0.5
  /// unless the file sets `learningRate`; a file that sets `optimizer` keeps its choice.
  ///
  /// One-vs-all heads take a step for every label on every document, and AdaGrad's
  /// per-row accumulators then shrink their rates within the first epoch: on GoEmotions,
  /// AdaGrad reached a test macro-F1 of 39.2 (emotion) at its best rate against 44.8 for
  /// SGD at 0.5, whose linear decay fastText's `-loss ova` also uses.
  static func applyMultiLabelDefaults(
    to training: inout TrainingConfiguration, given section: ConfigurationObject?
  ) {
    guard section?["optimizer"] == nil else { return }
    training.optimizer = .sgd
    if section?["learningRate"] == nil { training.learningRate = 0.5 }
  }

  /// `path` made absolute against `baseDirectory`, with `.` and `..` removed.
  static func resolve(_ path: String, against baseDirectory: String) -> String {
    let url =
      path.hasPrefix("/")
      ? URL(fileURLWithPath: path)
      : URL(fileURLWithPath: baseDirectory, isDirectory: true).appendingPathComponent(path)
    return url.standardizedFileURL.path
  }
}
