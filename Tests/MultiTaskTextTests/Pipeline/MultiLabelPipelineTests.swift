import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// Label lists through the whole pipeline: each task's files are read as lists or as single
/// labels according to the task's own type.
@Suite struct MultiLabelPipelineTests {
  static func jsonl(_ examples: [Example], task: String) throws -> String {
    try examples.map { example in
      let object: [String: Any] = [
        "text": example.text, "label": example.labelLists[task] ?? [],
      ]
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      return String(decoding: data, as: UTF8.self) + "\n"
    }.joined()
  }

  /// A multi-label `colour` task from JSONL lists, and a single-label `size` task from a
  /// fastText file whose third line gives two labels.
  static func configuration(in directory: TemporaryDirectory) throws -> PipelineConfiguration {
    let train = try directory.write(
      jsonl(MultiLabelTrainingTests.corpus(seed: 1, perCombination: 12), task: "colour"),
      named: "colour.jsonl")
    let dev = try directory.write(
      jsonl(MultiLabelTrainingTests.corpus(seed: 2, perCombination: 5), task: "colour"),
      named: "colour-dev.jsonl")
    let size = try directory.write(
      "__label__big a big car\n__label__small a small hat\n__label__big __label__small odd\n"
        + "__label__small small door\n__label__big big house\n",
      named: "size.txt")
    var colour = TaskConfiguration(
      name: "colour", train: CorpusSource(path: train, format: .jsonl),
      dev: CorpusSource(path: dev, format: .jsonl), test: CorpusSource(path: dev, format: .jsonl))
    colour.specification.type = .multiLabel
    colour.specification.thresholds = .tuned
    let sizeTask = TaskConfiguration(
      name: "size", train: CorpusSource(path: size, format: .fasttext))
    var configuration = PipelineConfiguration(tasks: [colour, sizeTask])
    configuration.model.dimension = 16
    configuration.features.buckets = 2_000
    configuration.features.maxCharNgram = 0
    configuration.training.epochs = 30
    configuration.training.learningRate = 0.5
    configuration.training.optimizer = .sgd
    return configuration
  }

  @Test func aSingleLabelTaskBesideAMultiLabelOneStillRejectsLists() throws {
    let directory = try TemporaryDirectory()
    let configuration = try Self.configuration(in: directory)
    let error = #expect(throws: PipelineError.self) {
      _ = try configuration.trainModel()
    }
    #expect(error?.description.contains("size.txt:3:") == true, "\(String(describing: error))")
    #expect(error?.description.contains("2 labels (big, small)") == true)
  }

  @Test func skippingTheInvalidLineTrainsBothTasksEachOfItsType() throws {
    let directory = try TemporaryDirectory()
    var configuration = try Self.configuration(in: directory)
    configuration.training.skipInvalid = true
    let result = try Pipeline(configuration: configuration).run()
    let model = result.trained.model
    #expect(model.manifest.tasks.map(\.isMultiLabel) == [true, false])
    #expect(model.manifest.tasks[0].thresholds?.count == 2)
    #expect(model.manifest.tasks[1].thresholds == nil)
    #expect(model.manifest.tasks[1].labels.labels == ["big", "small"])
    let report = try #require(result.report.tasks.first { $0.name == "colour" })
    let multiLabel = try #require(report.multiLabel)
    #expect(multiLabel.counts.documents == 20)
    #expect(multiLabel.counts.subsetAccuracy == 1)
  }
}
