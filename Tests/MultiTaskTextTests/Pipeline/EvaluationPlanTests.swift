import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// `EvaluationPlan`: which file each task is evaluated on, what is refused, what is warned.
struct EvaluationPlanTests {
  /// A trained two-task model (topic, sentiment) saved beside its fixture's files.
  static func savedModel() throws -> (TrainingFixture, MultiTaskModel, String) {
    let (fixture, model) = try QuantizerTests.floatModel()
    let path = fixture.directory.url.appendingPathComponent("model.mtl").path
    try ModelFile.write(model, to: path)
    return (fixture, model, path)
  }

  @Test(arguments: [
    (EvaluationRequest(), "give --config, or at least one --task name=file"),
    (
      EvaluationRequest(configurationPath: "c.yaml", noHeader: true),
      "--input-format, --text-column, --label-column and --no-header describe --task files; "
        + "give --task name=file"
    ),
    (EvaluationRequest(taskFiles: ["topic"]), "--task expects name=file, found \"topic\""),
  ])
  func requestsThatNameNothingToReadAreRefused(request: EvaluationRequest, message: String) {
    #expect { try request.check() } throws: { error in "\(error)" == message }
  }

  @Test func configuredTestFilesInModelOrderWithAWarningForATaskLeftOut() throws {
    let (fixture, model, path) = try Self.savedModel()
    var configuration = fixture.configuration
    configuration.tasks[1].test = nil
    var warnings: [String] = []
    let plan = try EvaluationPlan(
      EvaluationRequest(configurationPath: "run.yaml"), model: model, modelPath: path,
      configuration: configuration, onWarning: { warnings.append($0) })
    #expect(plan.files.map(\.task) == ["topic"])
    #expect(plan.files[0].source.path == fixture.configuration.tasks[0].test?.path)
    #expect(
      warnings == [
        "task \"sentiment\" has no test file in run.yaml; not evaluated "
          + "(use --task sentiment=file)"
      ])
    #expect(
      plan.inputs(modelPath: path, configurationPath: "run.yaml").map(\.role) == [
        "model (--model)", "configuration file", "test file of task \"topic\"",
      ])
  }

  @Test func aTaskFileReplacesTheTestFileAndIsReadWithTheRequestsColumns() throws {
    let (fixture, model, path) = try Self.savedModel()
    let other = try fixture.directory.write("text\tlabel\nthe match\tsports\n", named: "x.tsv")
    let request = EvaluationRequest(
      configurationPath: "run.yaml", taskFiles: ["topic=\(other)"], textColumn: "0",
      labelColumn: "label", skipInvalid: true)
    let plan = try EvaluationPlan(
      request, model: model, modelPath: path, configuration: fixture.configuration)
    #expect(plan.files.map(\.task) == ["topic", "sentiment"])
    let source = plan.files[0].source
    #expect(source.path == other && source.format == .tsv && source.skipInvalid)
    #expect(source.textColumns == [.index(0)] && source.labelColumns == ["topic": .name("label")])
    let report = try plan.evaluate(model, modelPath: path, version: "9.9.9")
    #expect(report.tasks.map(\.name) == ["topic", "sentiment"])
    #expect(report.tasks[0].file == other)
    #expect(report.run?.mtlVersion == "9.9.9")
  }

  @Test func unknownTasksMissingFilesAndForeignConfigurationsAreRefused() throws {
    let (fixture, model, path) = try Self.savedModel()
    let missing = fixture.directory.url.appendingPathComponent("none.jsonl").path
    let cases: [(EvaluationRequest, PipelineConfiguration?, String)] = [
      (
        EvaluationRequest(taskFiles: ["weather=a.jsonl"]), nil,
        "--task weather=a.jsonl: the model has no task \"weather\"; its tasks are \"topic\", "
          + "\"sentiment\""
      ),
      (
        EvaluationRequest(taskFiles: ["=topic"]), nil,
        "--task =topic: the model has no task \"\"; its tasks are \"topic\", \"sentiment\""
      ),
      (
        EvaluationRequest(taskFiles: ["topic=\(missing)"]), nil,
        "\(missing): no such file (test file of task \"topic\")"
      ),
      (
        EvaluationRequest(taskFiles: ["topic=notes"]), nil,
        "--task topic=notes: cannot tell the file's format from its extension; give "
          + "--input-format jsonl, csv, tsv or fasttext"
      ),
      (
        EvaluationRequest(configurationPath: "other.yaml"),
        PipelineConfiguration(
          tasks: [TaskConfiguration(name: "spam", train: fixture.configuration.tasks[0].train)]),
        "other.yaml does not describe this model: none of its tasks (\"spam\") is a task of "
          + "\(path) (\"topic\", \"sentiment\"); give the model's configuration, or --task "
          + "name=file"
      ),
    ]
    for (request, configuration, message) in cases {
      #expect {
        _ = try EvaluationPlan(
          request, model: model, modelPath: path, configuration: configuration)
      } throws: { error in
        "\(error)" == message
      }
    }
  }
}
