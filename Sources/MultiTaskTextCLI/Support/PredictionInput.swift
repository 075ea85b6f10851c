import ArgumentParser
import Foundation
import MultiTaskText

/// How `mtl predict` reads its files: plain lines, or the records of a corpus format whose
/// text field is what gets classified.
///
/// A JSONL file read as plain text would classify the raw JSON, gold label included, so the
/// format follows the file's extension unless `--input-format` says otherwise, and a plain
/// text input whose every line looks like JSON or fastText training lines gets a warning.
enum PredictionInputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, jsonl, csv, tsv, fasttext

  /// The format `path`'s extension implies: `.jsonl`, `.ndjson` and `.json` are JSON Lines,
  /// `.csv` and `.tsv` are delimited, anything else (`.txt` included) is one document a
  /// line, as `mtl predict` always read it.
  static func inferred(path: String) -> PredictionInputFormat {
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "jsonl", "ndjson", "json": return .jsonl
    case "csv": return .csv
    case "tsv": return .tsv
    default: return .text
    }
  }

  /// The corpus format of a record format; nil for plain text.
  var corpusFormat: CorpusFormat? {
    switch self {
    case .text: return nil
    case .jsonl: return .jsonl
    case .csv: return .csv
    case .tsv: return .tsv
    case .fasttext: return .fasttext
    }
  }
}

/// The record-reading settings `mtl predict` passes on to each file.
struct PredictionInput {
  /// `--input-format`, or nil to infer it per file.
  var format: PredictionInputFormat?
  /// `--text-field`: the JSONL key or CSV/TSV header of the text.
  var textField: String?
  /// `--text-column`: the CSV/TSV column (header name or 0-based position) of the text.
  var textColumn: String?
  /// `--id-field`: the JSONL key or CSV/TSV column copied into each answer.
  var idField: String?
  /// `--no-header`: CSV/TSV files without a header row.
  var noHeader = false

  /// The format of `path` (`nil` for standard input).
  func format(of path: String?) -> PredictionInputFormat {
    format ?? path.map(PredictionInputFormat.inferred(path:)) ?? .text
  }

  /// Calls `body` with each document of `files` (standard input when empty) in order: its
  /// text, its identifier when `--id-field` is set, and where it came from.
  ///
  /// Plain text gives one document per line, empty lines included, so output lines match
  /// input lines; a record format gives one document per record. Every malformed record
  /// stops the command with its file and line, as training does.
  func forEachDocument(
    of files: [String],
    _ body: (UnsafeRawBufferPointer, String?, CorpusLocation) throws -> Void
  ) throws {
    let paths: [String?] = files.isEmpty ? [nil] : files
    for path in paths {
      let format = self.format(of: path)
      guard let corpusFormat = format.corpusFormat else {
        try readLines(path: path, body)
        continue
      }
      let source = try self.source(path: path ?? "/dev/stdin", format: corpusFormat)
      let reader = try CorpusReader(source: source)
      while var example = try reader.next() {
        let location = example.location ?? CorpusLocation(path: source.path, line: 0)
        try example.text.withUTF8 { text in
          try body(UnsafeRawBufferPointer(text), example.id, location)
        }
      }
    }
  }

  /// The corpus source that reads `path` as `format` for prediction: text and identifier,
  /// no labels.
  private func source(path: String, format: CorpusFormat) throws -> CorpusSource {
    var source = CorpusSource(path: path, format: format, hasHeader: !noHeader)
    source.readsLabels = false
    source.readsLabelLists = true
    if let textField { source.textField = textField }
    if let textColumn { source.textColumns = [ColumnReference(argument: textColumn)] }
    if let idField {
      if format == .jsonl {
        source.idField = idField
      } else if format == .csv || format == .tsv {
        source.idColumn = ColumnReference(argument: idField)
      } else {
        throw CommandFailure(
          "\(path): --id-field needs records with fields (jsonl, csv or tsv); "
            + "this input is read as \(format.rawValue)")
      }
    }
    return source
  }

  /// Plain lines, with the look-alike check: a warning when every non-empty line starts
  /// with `{"` (JSON Lines) or `__label__` (fastText), since then the markup is being
  /// classified along with the text.
  private func readLines(
    path: String?, _ body: (UnsafeRawBufferPointer, String?, CorpusLocation) throws -> Void
  ) throws {
    var lookAlike = PlainTextLookAlike()
    try forEachInputLine(of: path.map { [$0] } ?? []) { line, reader in
      lookAlike.inspect(line)
      try body(line, nil, CorpusLocation(path: reader.path, line: reader.lineNumber))
    }
    if let warning = lookAlike.warning(path: path ?? "standard input") {
      writeToStandardError(warning)
    }
  }
}

/// Counts the lines of a plain-text input that look like another format.
struct PlainTextLookAlike {
  private var nonEmptyLines = 0
  private var jsonLines = 0
  private var fastTextLines = 0

  /// Looks at one line.
  mutating func inspect(_ line: UnsafeRawBufferPointer) {
    var start = 0
    while start < line.count && (line[start] == 0x20 || line[start] == 0x09) { start += 1 }
    guard start < line.count else { return }
    nonEmptyLines += 1
    let rest = UnsafeRawBufferPointer(rebasing: line[start...])
    if rest.starts(with: "{\"".utf8) { jsonLines += 1 }
    if rest.starts(with: "__label__".utf8) { fastTextLines += 1 }
  }

  /// The warning for `path` when every non-empty line looked like another format.
  func warning(path: String) -> String? {
    guard nonEmptyLines > 0 else { return nil }
    if jsonLines == nonEmptyLines {
      return "mtl: warning: every line of \(path) starts with {\" and looks like JSON Lines, "
        + "but it was read as plain text, so each whole line (any label included) was "
        + "classified; give --input-format jsonl (and --text-field if the text is not under "
        + "\"text\")"
    }
    if fastTextLines == nonEmptyLines {
      return "mtl: warning: every line of \(path) starts with __label__ and looks like "
        + "fastText training data, but it was read as plain text, so the labels were "
        + "classified with the text; give --input-format fasttext"
    }
    return nil
  }
}
