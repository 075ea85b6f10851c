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
    let settings = try CStringArguments.array(
      overrides, count: overrideCount, name: "overrides", countName: "override_count")
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

  /// Trains and writes the model and the vocabulary into the output directory as one
  /// commit (`ModelOutputFiles`): a failure writing any of them leaves every previous file.
  ///
  /// - Returns: The model's path.
  func run() throws -> String {
    let run = try RunConfiguration.load(path: configurationPath, overrides: overrides)
    try run.pipeline.validateFilesExist(configurationPath: configurationPath)
    let trained = try MultiTaskText.Pipeline(configuration: run.pipeline).train()
    let files = ModelOutputFiles(
      directory: run.output.directory, vocabularyCopy: run.output.vocabularyCopy)
    try files.write(trained.model)
    return files.modelPath
  }
}
