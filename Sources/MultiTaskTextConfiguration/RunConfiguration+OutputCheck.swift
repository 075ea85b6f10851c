import Foundation
import MultiTaskText

extension RunConfiguration {
  /// The files a run reads, each named by what it is, for refusing an output that would
  /// overwrite one of them.
  ///
  /// - Parameter configurationPath: The configuration file itself, which is an input too.
  public func inputFiles(configurationPath: String) -> [(role: String, path: String)] {
    var inputs: [(role: String, path: String)] = [("configuration file", configurationPath)]
    for task in pipeline.tasks {
      for (split, source) in task.sources {
        let kind = split == "train" ? "training" : split
        inputs.append(("\(kind) file of task \"\(task.name)\"", source.path))
      }
    }
    if let initialModel = pipeline.training.initialModel {
      inputs.append(("initial model (training.initialModel)", initialModel))
    }
    if let vectors = pipeline.model.pretrainedVectors {
      inputs.append(("pretrained vectors (model.pretrainedVectors)", vectors))
    }
    return inputs
  }

  /// The paths of the files `names` in the output directory, then the vocabulary copy when
  /// `includesVocabularyCopy` and the configuration names one.
  public func outputPaths(_ names: [String], includesVocabularyCopy: Bool) -> [String] {
    var paths = names.map { (output.directory as NSString).appendingPathComponent($0) }
    if includesVocabularyCopy, let copy = output.vocabularyCopy { paths.append(copy) }
    return paths
  }
}
