/// Where one task's examples come from and how to read them.
///
/// The defaults read the common shapes without configuration: JSONL with `text` and `label`
/// (or `labels` for several tasks), CSV/TSV with a header holding `text` and `label`
/// columns, and fastText lines with `__label__`. Fields that do not apply to the chosen
/// format are ignored.
public struct CorpusSource: Sendable, Hashable {
  /// The file to read.
  public var path: String
  /// The file's format.
  public var format: CorpusFormat
  /// The file's character encoding; everything is transcoded to UTF-8.
  public var encoding: CorpusEncoding
  /// The task that single-label records (`label`, one label column, fastText) label.
  public var taskName: String
  /// JSONL key, or CSV/TSV header name, holding the text.
  public var textField: String
  /// JSONL key, or CSV/TSV header name, holding a single-task label. In JSONL an object
  /// value here is read like ``labelsField``.
  public var labelField: String
  /// JSONL key holding an object of task name to label, for multi-task records.
  public var labelsField: String
  /// CSV/TSV columns whose cells, joined by one space, form the text. `nil` means
  /// `[.name(textField)]` with a header and `[.index(0)]` without.
  public var textColumns: [ColumnReference]?
  /// CSV/TSV columns holding labels, by task name. `nil` means
  /// `[taskName: .name(labelField)]` with a header and `[taskName: .index(1)]` without.
  /// An empty cell leaves that task unlabelled.
  public var labelColumns: [String: ColumnReference]?
  /// Whether the first CSV/TSV record names the columns.
  public var hasHeader: Bool
  /// JSONL key whose value becomes each example's ``Example/id``; nil reads no identifier.
  /// A runtime setting of readers such as `mtl predict`, not part of configuration files.
  public var idField: String?
  /// CSV/TSV column whose cell becomes each example's ``Example/id``; nil reads none.
  public var idColumn: ColumnReference?
  /// Whether ``format`` was guessed from the file's extension because none was set, so a
  /// message about unlabelled records can say that the format was an assumption.
  public var formatIsInferred: Bool {
    get { formatOrigin.isInferred }
    set { formatOrigin.isInferred = newValue }
  }
  /// Where ``formatIsInferred`` is kept: outside the source's identity, so a source read the
  /// same way compares equal (and shares one reading) whether its format was written or
  /// inferred.
  var formatOrigin = FormatOrigin()
  /// Whether records' labels are read. Readers of documents to label (`mtl predict`) turn
  /// this off, so a gold label of any shape is skipped like any other member instead of
  /// failing the record, and CSV/TSV files need no label column.
  public var readsLabels = true
  /// Whether fields may be double-quoted; `nil` means yes for CSV and no for TSV.
  public var allowsQuotedFields: Bool?
  /// The prefix marking a label token in fastText lines. With an empty prefix the first
  /// token of each line is its label (the `0 some sentence` shape of SST-2 files).
  public var labelPrefix: String
  /// Whether malformed records are skipped and counted instead of stopping the reader.
  public var skipInvalid: Bool
  /// Whether invalid UTF-8 stops the reader instead of being repaired to U+FFFD.
  public var strictEncoding: Bool
  /// Whether the first JSONL record must have ``labelField`` or ``labelsField``. Readers of
  /// labelled data (training, dev and test files) turn this on, so that a misspelt field
  /// name fails on line 1 instead of after reading the whole file as unlabelled.
  public var checksLabelField: Bool
  /// The separator that splits a CSV/TSV label cell into several labels (for example `|`),
  /// for multi-label tasks; nil keeps each cell one label.
  public var labelSeparator: String?
  /// Whether ``taskName`` is a multi-label task, set by the reader of each task's files.
  /// When false, a record that gives the task several labels is invalid (an error naming
  /// the line, or skipped with `skipInvalid`) instead of being cut down to its first label.
  public var readsLabelLists = false
  /// The other tasks a shared file's single reading labels, each with whether it is
  /// multi-label; their lists are checked like ``taskName``'s.
  public var sharingTasks: [String: Bool] = [:]
  /// How many lines one quoted CSV field may span before the quote is reported as unclosed,
  /// which keeps memory bounded when a stray quote would swallow the rest of the file.
  public var maximumLinesPerRecord: Int

  /// Creates a source description.
  ///
  /// - Parameters: see the properties of the same names.
  public init(
    path: String,
    format: CorpusFormat,
    encoding: CorpusEncoding = .utf8,
    taskName: String = "default",
    textField: String = "text",
    labelField: String = "label",
    labelsField: String = "labels",
    textColumns: [ColumnReference]? = nil,
    labelColumns: [String: ColumnReference]? = nil,
    hasHeader: Bool = true,
    allowsQuotedFields: Bool? = nil,
    labelPrefix: String = "__label__",
    skipInvalid: Bool = false,
    strictEncoding: Bool = false,
    checksLabelField: Bool = false,
    maximumLinesPerRecord: Int = 10_000
  ) {
    self.path = path
    self.format = format
    self.encoding = encoding
    self.taskName = taskName
    self.textField = textField
    self.labelField = labelField
    self.labelsField = labelsField
    self.textColumns = textColumns
    self.labelColumns = labelColumns
    self.hasHeader = hasHeader
    self.allowsQuotedFields = allowsQuotedFields
    self.labelPrefix = labelPrefix
    self.skipInvalid = skipInvalid
    self.strictEncoding = strictEncoding
    self.checksLabelField = checksLabelField
    self.maximumLinesPerRecord = maximumLinesPerRecord
  }

  /// The text columns after applying the header-dependent default.
  var resolvedTextColumns: [ColumnReference] {
    textColumns ?? (hasHeader ? [.name(textField)] : [.index(0)])
  }

  /// The label columns after applying the header-dependent default.
  var resolvedLabelColumns: [String: ColumnReference] {
    guard readsLabels else { return [:] }
    return labelColumns ?? [taskName: hasHeader ? .name(labelField) : .index(1)]
  }

  /// Checks settings that would make every record fail.
  public func validate() throws(CorpusError) {
    if textField.isEmpty || labelField.isEmpty || labelsField.isEmpty {
      throw .invalidConfiguration(path: path, problem: "field names must not be empty")
    }
    if resolvedTextColumns.isEmpty {
      throw .invalidConfiguration(path: path, problem: "at least one text column is needed")
    }
    let identifier = idColumn.map { [$0] } ?? []
    for column in resolvedTextColumns + Array(resolvedLabelColumns.values) + identifier {
      if case .index(let index) = column, index < 0 {
        throw .invalidConfiguration(path: path, problem: "column positions start at 0")
      }
    }
    if !hasHeader,
      (resolvedTextColumns + resolvedLabelColumns.values + identifier).contains(where: {
        if case .name = $0 { return true } else { return false }
      })
    {
      throw .invalidConfiguration(
        path: path, problem: "columns can only be named when the file has a header")
    }
    if maximumLinesPerRecord < 1 {
      throw .invalidConfiguration(path: path, problem: "maximumLinesPerRecord must be at least 1")
    }
  }
}

/// Whether a source's format was inferred; equal to every other value, so that it never
/// tells two sources that read a file the same way apart.
struct FormatOrigin: Sendable, Hashable {
  var isInferred = false

  static func == (_: FormatOrigin, _: FormatOrigin) -> Bool { true }

  func hash(into hasher: inout Hasher) {}
}
