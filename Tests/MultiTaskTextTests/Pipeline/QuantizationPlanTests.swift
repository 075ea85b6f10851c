import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// `QuantizationRequest` and `QuantizationPlan`: retraining data resolved one file per task,
/// refused when it cannot be, and the same model as the job run by hand.
struct QuantizationPlanTests {
  @Test(arguments: [
    (
      QuantizationRequest(job: QuantizationJob(), configurationPath: "c.yaml"),
      "--config and --train give the data of --retrain; add --retrain"
    ),
    (
      QuantizationRequest(job: QuantizationJob(retrain: true)),
      "--retrain needs training data: --config FILE (its tasks' training files) or --train FILE"
    ),
    (
      QuantizationRequest(
        job: QuantizationJob(retrain: true), configurationPath: "c.yaml", trainFormat: .csv),
      "--input-format describes --train files; give --train"
    ),
    (
      QuantizationRequest(job: QuantizationJob(retrain: true, epochs: 0), trainFiles: ["a"]),
      "--epochs must be between 1 and 100000, found 0"
    ),
  ])
  func retrainingDataMustMatchRetraining(request: QuantizationRequest, message: String) {
    #expect { try request.check() } throws: { error in "\(error)" == message }
  }

  @Test func trainFilesNameTheirTasksAndReplaceTheConfigurations() throws {
    let (fixture, model) = try QuantizerTests.floatModel()
    let extra = try fixture.directory.write(
      TrainingFixture.jsonl(TrainingFixture.topic), named: "more-topic.jsonl")
    let request = QuantizationRequest(
      job: QuantizationJob(retrain: true, epochs: 2), configurationPath: "run.yaml",
      trainFiles: ["topic=\(extra)"])
    let plan = try request.plan(
      for: model, modelPath: "m.mtl", configuration: fixture.configuration)
    #expect(plan.retrainingSources.map(\.taskName) == ["sentiment", "topic"])
    #expect(plan.retrainingSources.last?.path == extra)
    #expect(
      plan.inputs(modelPath: "m.mtl").map(\.role) == [
        "model", "configuration file", "training file of task \"sentiment\"",
        "training file of task \"topic\"",
      ])
    var statistics: [CorpusStatistics] = []
    let quantized = try plan.run(model, modelPath: "m.mtl", onStatistics: { statistics = $0 })
    #expect(statistics.count == 2)
    let job = request.job
    let files = plan.retrainingSources.map(\.path)
    let examples = try Pipeline.readRetrainingExamples(
      plan.retrainingSources, multiLabelTasks: [], skipInvalid: false
    ).examples
    let byHand = try job.retrain(
      try job.quantize(model, retrainingFiles: files), on: examples, files: files,
      seed: model.manifest.training.seed)
    #expect(quantized == byHand.model)
    #expect(quantized.manifest.quantization?.retraining?.files == files)
  }

  @Test func badDataAndQuantizedModelsAreRefusedNamingTheFault() throws {
    let (fixture, model) = try QuantizerTests.floatModel()
    let missing = fixture.directory.url.appendingPathComponent("gone.jsonl").path
    let retrain = QuantizationJob(retrain: true)
    var cases: [(QuantizationRequest, MultiTaskModel, String)] = [
      (
        QuantizationRequest(job: retrain, trainFiles: ["a.jsonl"]), model,
        "--train a.jsonl: the model has 2 tasks; say which with name=file"
      ),
      (
        QuantizationRequest(job: retrain, trainFiles: ["weather=a.jsonl"]), model,
        "--train weather=a.jsonl: the model has no task \"weather\"; its tasks are \"topic\", "
          + "\"sentiment\""
      ),
      (
        QuantizationRequest(job: retrain, trainFiles: ["topic=notes"]), model,
        "--train topic=notes: cannot tell the file's format from its extension; give "
          + "--input-format jsonl, csv, tsv or fasttext"
      ),
      (
        QuantizationRequest(job: retrain, trainFiles: ["topic=\(missing)"]), model,
        "\(missing): no such file (training file of task \"topic\")"
      ),
    ]
    let quantized = try Quantizer().quantize(model)
    let summary = try #require(quantized.manifest.quantization?.summary)
    cases.append(
      (
        QuantizationRequest(job: QuantizationJob()), quantized,
        "m.mtl: the model is already quantized (\(summary)); quantize the float model it came "
          + "from"
      ))
    for (request, model, message) in cases {
      #expect {
        _ = try request.plan(for: model, modelPath: "m.mtl", configuration: nil)
      } throws: { error in
        "\(error)" == message
      }
    }
  }
}
