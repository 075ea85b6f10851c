import ArgumentParser
import Foundation
import MultiTaskText

/// `mtl predict`: every task's label for every document, in one pass per document.
///
/// The lines themselves come from the library's ``PredictionFormatter``, which the server
/// and the bindings use too, so every front end answers with the same object.
struct Predict: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Label documents, one per line, for every task of a model.",
    discussion: """
      Reads the files in order, or standard input when none are given, and writes one line \
      per input line, so output lines match input lines even for empty input lines. JSON \
      lines are keyed by task: {"topic": {"label": "Sports", "probability": 0.97}, …}; a \
      multi-label task answers {"labels": [{"label": "joy", "probability": 0.91}, …]}. A \
      document with no known word answers {"label": null, "reason": "no known tokens"}.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case jsonl, tsv
  }

  @Option(help: "The model file (.mtl).")
  var model: String

  // Unconditional, so `--top-k -1` reaches validate() and its range message instead of
  // being read as a missing value followed by an option.
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Also list the k most probable labels of each task (jsonl only).",
      discussion: "For a multi-label task, the k labels replace the answered ones, each marked"
        + " \"selected\" when it reaches its threshold."))
  var topK: Int = 0

  @Option(help: "Explain each answer with its k strongest tokens and word n-grams (jsonl only).")
  var explain: Int = 0

  @Option(
    help: ArgumentHelp(
      "Answer null (\"reason\": \"below P\") when a single-label task's top probability is"
        + " below P; overrides each task's minProbability."))
  var minProbability: Float?

  @Option(help: "Answer only these tasks (comma-separated), in the model's order.")
  var tasks: String?

  @Option(help: "Output format: jsonl, or tsv with a header and a label and probability per task.")
  var format: Format = .jsonl

  @Argument(help: "Files with one document per line (default: standard input).")
  var files: [String] = []

  func validate() throws {
    if topK < 0 { throw ValidationError("--top-k must be 0 or more, found \(topK)") }
    if explain < 0 { throw ValidationError("--explain must be 0 or more, found \(explain)") }
    if let minProbability, !(0...1).contains(minProbability) {
      throw ValidationError("--min-probability must be between 0 and 1, found \(minProbability)")
    }
    if format == .tsv && (topK > 0 || explain > 0) {
      throw ValidationError("--top-k and --explain need --format jsonl")
    }
  }

  func run() throws {
    let loaded = try ModelFile.read(path: model)
    let predictor = try Predictor(model: loaded)
    let options = PredictionOptions(
      topK: topK, explain: explain, minimumProbability: minProbability,
      tasks: tasks.map { $0.split(separator: ",").map(String.init) })
    let formatter: PredictionFormatter
    do { formatter = try PredictionFormatter(model: loaded, options: options) } catch {
      throw CommandFailure("\(model): \(error)")
    }
    let output = OutputWriter()
    if format == .tsv { try output.write(formatter.tsvHeader) }
    var line: [UInt8] = []
    try forEachInputLine(of: files) { text, reader in
      do { try predictor.run(text) } catch {
        throw CommandFailure("\(reader.path):\(reader.lineNumber): \(error)")
      }
      line.removeAll(keepingCapacity: true)
      switch format {
      case .jsonl:
        formatter.appendJSONLine(
          of: predictor, originalText: explain > 0 ? text : nil, to: &line)
      case .tsv: formatter.appendTSVRow(of: predictor, to: &line)
      }
      try line.withUnsafeBufferPointer { try output.write($0) }
    }
    try output.flush()
  }
}
