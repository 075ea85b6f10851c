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
    let fileManager = FileManager.default
    for (index, task) in tasks.enumerated() {
      for (split, source) in task.sources {
        let key = "tasks[\(index)].\(split)"
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: source.path, isDirectory: &isDirectory) else {
          throw .missingDataFile(path: configurationPath, key: key, file: source.path)
        }
        if isDirectory.boolValue {
          throw .unreadableDataFile(
            path: configurationPath, key: key, file: source.path, problem: "not a regular file")
        }
        if !fileManager.isReadableFile(atPath: source.path) {
          throw .unreadableDataFile(
            path: configurationPath, key: key, file: source.path, problem: "permission denied")
        }
      }
    }
  }
}
