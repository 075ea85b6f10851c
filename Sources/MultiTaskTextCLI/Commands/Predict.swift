import ArgumentParser
import Foundation
import MultiTaskText

/// `mtl predict`: every task's label for every document, in one pass per document.
struct Predict: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Label documents, one per line, for every task of a model.",
    discussion: """
      Reads the files in order, or standard input when none are given, and writes one line \
      per input line, so output lines match input lines even for empty input lines. JSON \
      lines are keyed by task: {"topic": {"label": "Sports", "probability": 0.97}, …}.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case jsonl, tsv
  }

  @Option(help: "The model file (.mtl).")
  var model: String

  @Option(help: "Also list the k most probable labels of each task (jsonl only).")
  var topK: Int = 0

  @Option(help: "Output format: jsonl, or tsv with a header and a label and probability per task.")
  var format: Format = .jsonl

  @Argument(help: "Files with one document per line (default: standard input).")
  var files: [String] = []

  func validate() throws {
    if topK < 0 { throw ValidationError("--top-k must be 0 or more, found \(topK)") }
  }

  func run() throws {
    let loaded: MultiTaskModel
    loaded = try ModelFile.read(path: model)
    let predictor = try Predictor(model: loaded)
    let tasks = loaded.manifest.tasks
    let output = OutputWriter()
    if format == .tsv {
      try output.write(
        tasks.map { "\($0.name)\t\($0.name)_probability" }.joined(separator: "\t") + "\n")
    }
    try forEachInputLine(of: files) { line, reader in
      do { try predictor.run(line) } catch {
        throw CommandFailure("\(reader.path):\(reader.lineNumber): \(error)")
      }
      switch format {
      case .jsonl: try writeJSON(predictor, tasks: tasks, to: output)
      case .tsv: try writeTSV(predictor, tasks: tasks, to: output)
      }
    }
    try output.flush()
  }

  private func writeJSON(
    _ predictor: Predictor, tasks: [ModelManifest.Task], to output: OutputWriter
  ) throws {
    try output.write("{")
    for (index, task) in tasks.enumerated() {
      let (best, probability) = predictor.best(ofTask: index)
      try output.write(index == 0 ? "\"" : ",\"")
      try writeEscaped(task.name, to: output)
      try output.write("\":{\"label\":\"")
      try writeEscaped(task.labels[best], to: output)
      try output.write("\",\"probability\":")
      try output.writeProbability(probability)
      if topK > 0 {
        try output.write(",\"top\":[")
        let ranked = predictor.withProbabilities(ofTask: index) { values in
          values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
            .prefix(topK).map { ($0, values[$0]) }
        }
        for (rank, (label, value)) in ranked.enumerated() {
          try output.write(rank == 0 ? "{\"label\":\"" : ",{\"label\":\"")
          try writeEscaped(task.labels[LabelID(Int32(label))], to: output)
          try output.write("\",\"probability\":")
          try output.writeProbability(value)
          try output.write("}")
        }
        try output.write("]")
      }
      try output.write("}")
    }
    try output.write("}\n")
  }

  private func writeTSV(
    _ predictor: Predictor, tasks: [ModelManifest.Task], to output: OutputWriter
  ) throws {
    for (index, task) in tasks.enumerated() {
      let (best, probability) = predictor.best(ofTask: index)
      if index > 0 { try output.write(UInt8(ascii: "\t")) }
      try writeRaw(task.labels[best], to: output)
      try output.write(UInt8(ascii: "\t"))
      try output.writeProbability(probability)
    }
    try output.write(UInt8(ascii: "\n"))
  }

  private func writeRaw(_ text: String, to output: OutputWriter) throws {
    var copy = text
    try copy.withUTF8 { try output.write($0) }
  }

  private func writeEscaped(_ text: String, to output: OutputWriter) throws {
    var copy = text
    try copy.withUTF8 { try output.writeJSONEscaped($0) }
  }

}
