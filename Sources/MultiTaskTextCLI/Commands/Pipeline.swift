import ArgumentParser
import Foundation
import MultiTaskText

/// `mtl pipeline CONFIG`: tokenize → vocabulary → train → evaluate, from one file.
struct Pipeline: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Train on every task's training file, then evaluate on its test file.",
    discussion: """
      Writes model.mtl, vocabulary.tsv and report.json into output.directory, and the \
      vocabulary also to output.vocabularyCopy when the configuration names one.
      """
  )

  @OptionGroup var options: ConfigurationOptions

  func run() throws {
    let configuration = try options.load()
    let output = try TrainingRun(configuration: configuration, quiet: options.quiet).run()
    let evaluator = Evaluator(model: output.model)
    var report = PipelineReport(trainingSeconds: output.seconds)
    for task in configuration.tasks {
      guard let test = task.test else { continue }
      do {
        let matrix = try evaluator.evaluate(task: task.name, on: test)
        report.tasks[task.name] = PipelineReport.Task(
          testFile: test.path, metrics: TaskMetrics(matrix),
          unseenLabels: matrix.unseenLabels)
      } catch {
        throw CommandFailure("\(error)")
      }
    }
    let reportPath = (configuration.output.directory as NSString)
      .appendingPathComponent("report.json")
    do {
      try AtomicFileWriter().write(try report.encoded(), to: reportPath)
    } catch {
      throw CommandFailure("\(error)")
    }
    for (name, task) in report.tasks.sorted(by: { $0.key < $1.key }) {
      print(
        "\(name): accuracy "
          + String(format: "%.2f%%", task.metrics.accuracy * 100)
          + ", macro-F1 " + String(format: "%.4f", task.metrics.macroF1)
          + " on \(task.metrics.examples) test examples")
    }
    print("wrote \(output.modelPath)")
    for path in output.vocabularyPaths { print("wrote \(path)") }
    print("wrote \(reportPath)")
  }
}

/// The pipeline's `report.json`.
struct PipelineReport: Encodable {
  struct Task: Encodable {
    var testFile: String
    var metrics: TaskMetrics
    var unseenLabels: [String]

    enum CodingKeys: String, CodingKey {
      case testFile, examples, accuracy, macroF1, weightedF1, classes, unseenLabels
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(testFile, forKey: .testFile)
      try container.encode(metrics.examples, forKey: .examples)
      try container.encode(metrics.accuracy, forKey: .accuracy)
      try container.encode(metrics.macroF1, forKey: .macroF1)
      try container.encode(metrics.weightedF1, forKey: .weightedF1)
      try container.encode(metrics.classes, forKey: .classes)
      try container.encode(unseenLabels, forKey: .unseenLabels)
    }
  }

  var schemaVersion = 1
  var trainingSeconds: Double
  var tasks: [String: Task] = [:]

  func encoded() throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    var bytes = Array(try encoder.encode(self))
    bytes.append(10)
    return bytes
  }
}
