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

      The input format follows each file's extension (.jsonl, .ndjson and .json are JSON \
      Lines, .csv and .tsv delimited, anything else one document a line); a record format \
      classifies its text field and writes one line per record (--text-field, \
      --text-column); --id-field copies a field of each record into its answer.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case jsonl, tsv
  }

  // Optional in parsing, so that fastText's `predict MODEL FILE` order reaches validate()
  // and gets "did you mean --model" instead of a bare "missing --model".
  @Option(help: "The model file (.mtl).")
  var model: String?

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

  @Option(
    help: ArgumentHelp(
      "How to read the input: text (one document a line), jsonl, csv, tsv or fasttext "
        + "(default: from each file's extension; text for standard input).",
      valueName: "format"))
  var inputFormat: PredictionInputFormat?

  @Option(help: ArgumentHelp("The JSONL key or CSV/TSV header of the text.", valueName: "key"))
  var textField: String?

  @Option(
    help: ArgumentHelp(
      "The CSV/TSV text column: a header name or a 0-based position.", valueName: "column"))
  var textColumn: String?

  @Option(
    help: ArgumentHelp(
      "Copy this JSONL key or CSV/TSV column into each output line (jsonl: under its own name,"
        + " first; tsv: the first column).", valueName: "field"))
  var idField: String?

  @Option(
    help: ArgumentHelp(
      "Predict on this many threads (default: every core); the output is the same at any"
        + " count.", valueName: "n"))
  var threads: Int?

  @Flag(help: "The CSV/TSV inputs have no header row (columns are then 0-based positions).")
  var noHeader = false

  @Argument(help: "Files with one document per line or record (default: standard input).")
  var files: [String] = []

  /// The settings that say how to read the files.
  private var input: PredictionInput {
    PredictionInput(
      format: inputFormat, textField: textField, textColumn: textColumn, idField: idField,
      noHeader: noHeader)
  }

  func validate() throws {
    guard let model else {
      if let first = files.first, Self.looksLikeModel(first) {
        let rest = files.dropFirst().joined(separator: " ")
        throw ValidationError(
          "missing --model; did you mean `mtl predict --model \(first)\(rest.isEmpty ? "" : " ")"
            + "\(rest)`? (fastText's `predict MODEL FILE` is `--model MODEL FILE` here)")
      }
      throw ValidationError("missing --model <model>: the model file (.mtl) to predict with")
    }
    if files.contains(model) {
      throw ValidationError("\(model) is the model (--model); it cannot also be an input file")
    }
    if textColumn != nil && textField != nil {
      throw ValidationError("give --text-field (JSONL key or header) or --text-column, not both")
    }
    let formats = (files.isEmpty ? [nil] : files.map { Optional($0) }).map(input.format(of:))
    if formats.allSatisfy({ $0 == .text || $0 == .fasttext })
      && (textField != nil || textColumn != nil || idField != nil || noHeader)
    {
      throw ValidationError(
        "--text-field, --text-column, --id-field and --no-header describe jsonl, csv or tsv "
          + "records, but the input is read as \(formats[0].rawValue); give --input-format")
    }
    if let threads, threads < 1 {
      throw ValidationError("--threads must be 1 or more, found \(threads)")
    }
    if topK < 0 { throw ValidationError("--top-k must be 0 or more, found \(topK)") }
    if explain < 0 { throw ValidationError("--explain must be 0 or more, found \(explain)") }
    if let minProbability, !(0...1).contains(minProbability) {
      throw ValidationError("--min-probability must be between 0 and 1, found \(minProbability)")
    }
    if format == .tsv && (topK > 0 || explain > 0) {
      throw ValidationError("--top-k and --explain need --format jsonl")
    }
  }

  /// The threads `--threads` defaults to: one per core.
  static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

  /// Whether `path` names a model file: the `.mtl` extension, or the model file's magic.
  static func looksLikeModel(_ path: String) -> Bool {
    if path.hasSuffix(".mtl") { return true }
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 4)) ?? Data()
    return head == Data("MTLM".utf8)
  }

  func run() throws {
    guard let model else { throw ValidationError("missing --model <model>") }
    let loaded = try ModelFile.read(path: model)
    if let idField, loaded.manifest.tasks.contains(where: { $0.name == idField }) {
      throw CommandFailure(
        "--id-field \(idField) is also the name of a task of \(model); the output key would "
          + "be ambiguous")
    }
    let pool = try PredictorPool(model: loaded)
    let options = PredictionOptions(
      topK: topK, explain: explain, minimumProbability: minProbability,
      tasks: tasks.map { $0.split(separator: ",").map(String.init) })
    let formatter: PredictionFormatter
    do { formatter = try PredictionFormatter(model: loaded, options: options) } catch {
      throw CommandFailure("\(model): \(error)")
    }
    let output = OutputWriter()
    if format == .tsv { try output.write(formatter.tsvHeader(identifierField: idField)) }
    let threadCount = threads ?? Self.defaultThreads
    let writer = PredictionWriter(
      formatter: formatter, format: format, idField: idField, explains: explain > 0,
      parallel: ParallelPrediction(pool: pool, threads: threadCount))
    let pipeline = PredictionPipeline(writer: writer, output: output, threads: threadCount)
    defer { pipeline.abandon() }
    var batch = PredictionBatch()
    do {
      try input.forEachDocument(of: files) { text, identifier, location in
        batch.append(
          text, identifier: identifier, keepsIdentifier: idField != nil, location: location)
        if batch.isFull { try pipeline.submit(&batch) }
      }
      try pipeline.submit(&batch)
      try pipeline.finish()
    } catch {
      try pipeline.stop(on: error)
    }
    try output.flush()
  }
}
