import CMultiTaskText
import Foundation
import MultiTaskText
import MultiTaskTextConfiguration

// Training: `mtl_train` in multitasktext.h.

/// `mtl_train`: trains like `mtl train CONFIG --quiet`, writing the model and vocabulary
/// atomically, and returns the model's path.
///
/// Unlike the CLI, nothing is printed and no signal handler is installed: the host owns its
/// process, its output and its signals.
@_cdecl("mtl_train")
public func mtlTrain(
  _ configurationPath: UnsafePointer<CChar>?, _ overrides: UnsafePointer<UnsafePointer<CChar>?>?,
  _ overrideCount: UInt64, _ modelPath: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
  withStatus {
    guard let configurationPath else {
      throw CFailure.invalidArgument("configuration path must not be NULL")
    }
    guard let modelPath else { throw CFailure.invalidArgument("model_path must not be NULL") }
    var settings: [String] = []
    if overrideCount > 0 {
      guard let overrides else { throw CFailure.invalidArgument("overrides must not be NULL") }
      guard overrideCount <= 100_000 else {
        throw CFailure.invalidArgument("override_count is \(overrideCount); at most 100000")
      }
      for index in 0..<Int(overrideCount) {
        guard let setting = overrides[index] else {
          throw CFailure.invalidArgument("overrides[\(index)] must not be NULL")
        }
        settings.append(String(cString: setting))
      }
    }
    let path = try TrainingJob(
      configurationPath: String(cString: configurationPath), overrides: settings
    ).run()
    try OutputBuffer.deliver(Array(path.utf8), to: modelPath, length: nil)
  }
}

/// One `mtl_train` call: load and check the configuration, train, write the files.
struct TrainingJob {
  /// The configuration file.
  var configurationPath: String
  /// `key=value` settings, as `mtl train --set` takes them.
  var overrides: [String]

  /// Trains and writes `model.mtl` and `vocabulary.tsv` into the output directory.
  ///
  /// - Returns: The model's path.
  func run() throws -> String {
    let run = try RunConfiguration.load(path: configurationPath, overrides: overrides)
    try run.pipeline.validateFilesExist(configurationPath: configurationPath)
    let trained = try MultiTaskText.Pipeline(configuration: run.pipeline).train()
    let directory = run.output.directory
    let modelPath = (directory as NSString).appendingPathComponent("model.mtl")
    var vocabularyPaths = [(directory as NSString).appendingPathComponent("vocabulary.tsv")]
    if let copy = run.output.vocabularyCopy { vocabularyPaths.append(copy) }
    try ModelFile.write(trained.model, to: modelPath)
    for path in vocabularyPaths { try VocabularyFile.write(trained.model.vocabulary, to: path) }
    return modelPath
  }
}
