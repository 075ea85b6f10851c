/// Why a corpus file could not be read, and where.
///
/// Every case carries the path and, when it applies, the 1-based line (where the record
/// starts) and column (counted in characters), so the description can be pasted into an
/// editor's "go to" box.
public enum CorpusError: Error, Sendable, Equatable {
  /// The file is missing, unreadable or a directory.
  case unreadable(path: String, problem: String)
  /// The source configuration cannot work, for example an empty field name.
  case invalidConfiguration(path: String, problem: String)
  /// A syntax error at a precise position, such as malformed JSON or text after a closing
  /// CSV quote.
  case syntax(path: String, line: Int, column: Int, problem: String)
  /// A well-formed record that lacks what a training example needs.
  case invalidRecord(path: String, line: Int, problem: String)
  /// A quoted CSV field opened on `line` and never closed.
  case unclosedQuote(path: String, line: Int)
  /// A CSV or TSV record whose number of fields differs from the header's.
  case columnCount(path: String, line: Int, expected: Int, found: Int)
  /// The header row has no column of the configured name.
  case missingColumn(path: String, line: Int, column: ColumnReference, available: [String])
  /// Bytes that are not valid in the file's encoding, reported only in strict mode.
  case invalidEncoding(path: String, line: Int, column: Int, encoding: CorpusEncoding)
  /// The file starts with a UTF-16 byte order mark, or its NUL bytes fall in the pattern of
  /// UTF-16 text; it has to be converted to UTF-8 first.
  case looksLikeUTF16(path: String, line: Int)
  /// A line holding NUL bytes, which text never has: the file is most likely binary (an
  /// image, an executable, a compressed archive). `offset` is the 0-based byte offset of the
  /// first NUL, counted from the start of the line.
  case binaryData(path: String, line: Int, offset: Int)
  /// The first JSONL record has neither the label field nor the labels field the source
  /// names, so every record would be unlabelled: usually a misspelt `labelField`.
  case missingLabelField(
    path: String, line: Int, field: String, labelsField: String, task: String,
    available: [String])
  /// A file read as JSON Lines opens with `[`: one JSON array of records, which a JSONL
  /// reader would otherwise reject line by line with syntax errors that hide the cause.
  case jsonArray(path: String, line: Int)

  /// The file the error is about.
  public var path: String {
    switch self {
    case .unreadable(let path, _), .invalidConfiguration(let path, _),
      .syntax(let path, _, _, _), .invalidRecord(let path, _, _),
      .unclosedQuote(let path, _), .columnCount(let path, _, _, _),
      .missingColumn(let path, _, _, _), .invalidEncoding(let path, _, _, _),
      .looksLikeUTF16(let path, _), .binaryData(let path, _, _),
      .missingLabelField(let path, _, _, _, _, _), .jsonArray(let path, _):
      return path
    }
  }

  /// The 1-based line the error is about, when there is one.
  public var line: Int? {
    switch self {
    case .unreadable, .invalidConfiguration: return nil
    case .syntax(_, let line, _, _), .invalidRecord(_, let line, _),
      .unclosedQuote(_, let line), .columnCount(_, let line, _, _),
      .missingColumn(_, let line, _, _), .invalidEncoding(_, let line, _, _),
      .looksLikeUTF16(_, let line), .binaryData(_, let line, _),
      .missingLabelField(_, let line, _, _, _, _), .jsonArray(_, let line):
      return line
    }
  }

  /// Whether the error concerns one record only, so `skipInvalid` may skip past it.
  ///
  /// Missing files, bad configuration, a header without the configured column, a UTF-16
  /// file and a misnamed label field would make every record fail, so they always stop the
  /// reader.
  var isRecordProblem: Bool {
    switch self {
    case .unreadable, .invalidConfiguration, .missingColumn, .looksLikeUTF16, .missingLabelField,
      .jsonArray:
      return false
    case .syntax, .invalidRecord, .unclosedQuote, .columnCount, .invalidEncoding, .binaryData:
      return true
    }
  }
}

extension CorpusError: CustomStringConvertible {
  /// The error as one terminal line: `path:line[:column]: problem`.
  public var description: String {
    switch self {
    case .unreadable(let path, let problem):
      return "\(path): \(problem)"
    case .invalidConfiguration(let path, let problem):
      return "\(path): \(problem)"
    case .syntax(let path, let line, let column, let problem):
      return "\(path):\(line):\(column): \(problem)"
    case .invalidRecord(let path, let line, let problem):
      return "\(path):\(line): \(problem)"
    case .unclosedQuote(let path, let line):
      return "\(path):\(line): unclosed quote opened here"
    case .columnCount(let path, let line, let expected, let found):
      return "\(path):\(line): expected \(expected) columns, found \(found)"
    case .missingColumn(let path, let line, let column, let available):
      let names = available.map { "\"\($0)\"" }.joined(separator: ", ")
      switch column {
      case .name(let name):
        return "\(path):\(line): no column named \"\(name)\"; available columns: \(names)"
      case .index(let index):
        return "\(path):\(line): no column at position \(index); the file has "
          + "\(available.count) columns"
      }
    case .invalidEncoding(let path, let line, let column, let encoding):
      return "\(path):\(line):\(column): invalid \(encoding.rawValue) byte sequence"
    case .looksLikeUTF16(let path, let line):
      return "\(path):\(line): the file looks like UTF-16; convert it to UTF-8"
        + " (for example: iconv -f UTF-16 -t UTF-8)"
    case .binaryData(let path, let line, let offset):
      return "\(path):\(line): line \(line) contains NUL bytes (first at byte \(offset + 1)),"
        + " so this looks like binary data, not text"
    case .missingLabelField(let path, let line, let field, let labelsField, let task, let available):
      let names = available.isEmpty ? "none" : available.map { "\"\($0)\"" }.joined(separator: ", ")
      return "\(path):\(line): the first record has no label field \"\(field)\" (labelField of"
        + " task \"\(task)\") and no \"\(labelsField)\" (labelsField); its fields are \(names)"
    case .jsonArray(let path, let line):
      return "\(path):\(line): JSON Lines expected (one JSON object per line), found a JSON"
        + " array; convert it with: jq -c '.[]' \(path) > records.jsonl"
    }
  }
}

extension CorpusError {
  /// Wraps a `LineReaderError` (missing file, directory, read failure).
  init(_ error: LineReaderError) {
    self = .unreadable(path: error.path, problem: error.problem)
  }
}
