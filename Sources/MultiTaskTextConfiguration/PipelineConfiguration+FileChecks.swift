import Foundation
import MultiTaskText

extension PipelineConfiguration {
  /// Checks that every train, dev and test path names a readable regular file.
  ///
  /// Loading does not touch corpus files, so a configuration can be inspected or stored on
  /// a machine without the data; the pipeline calls this before it starts reading, to fail
  /// on a typo in the last task's test path before spending time on the first task.
  ///
  /// - Parameter configurationPath: The configuration file, named at the start of errors.
  /// - Throws: ``ConfigurationError/missingDataFile(path:key:file:)`` or
  ///   ``ConfigurationError/unreadableDataFile(path:key:file:problem:)`` for the first bad
  ///   path, named by its key (`tasks[0].dev`).
  public func validateFilesExist(
    configurationPath: String = "configuration"
  ) throws(ConfigurationError) {
    var files = tasks.enumerated().flatMap { index, task in
      task.sources.map { (key: "tasks[\(index)].\($0.split)", path: $0.source.path) }
    }
    if let initialModel = training.initialModel {
      files.append((key: "training.initialModel", path: initialModel))
    }
    if let vectors = model.pretrainedVectors {
      files.append((key: "model.pretrainedVectors", path: vectors))
    }
    for (key, path) in files {
      switch InputFileCheck.problem(at: path) {
      case nil: continue
      case .missing: throw .missingDataFile(path: configurationPath, key: key, file: path)
      case .unreadable(let problem):
        throw .unreadableDataFile(path: configurationPath, key: key, file: path, problem: problem)
      }
    }
  }
}
