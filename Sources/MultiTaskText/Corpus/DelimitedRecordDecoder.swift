import Foundation

/// Reads CSV and TSV records and maps their columns to text and labels.
///
/// With a header, the first record names the columns and fixes how many every record must
/// have; columns may then be chosen by name or position. Without one, the first record fixes
/// the count and columns are chosen by position. Several text columns are joined with one
/// space (AG News keeps title and description apart); an empty label cell leaves its task
/// unlabelled.
struct DelimitedRecordDecoder: RecordDecoder {
  let source: CorpusSource
  private var splitter: DelimitedRecordSplitter
  private var expectedColumnCount: Int?
  private var textIndices: [Int] = []
  private var labelIndices: [(task: String, index: Int)] = []
  private var idIndex: Int?

  init(source: CorpusSource) {
    self.source = source
    let isCSV = source.format == .csv
    splitter = DelimitedRecordSplitter(
      delimiter: isCSV ? UInt8(ascii: ",") : 0x09,
      allowsQuotes: source.allowsQuotedFields ?? isCSV,
      maximumLines: source.maximumLinesPerRecord)
  }

  mutating func consume(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int)
    throws(CorpusError) -> Example?
  {
    if !splitter.isInsideRecord && line.isEmpty { return nil }
    let isComplete: Bool
    do {
      isComplete = try splitter.consume(line, lineNumber: lineNumber)
    } catch {
      splitter.reset()
      throw .syntax(
        path: source.path, line: lineNumber,
        column: UTF8Bytes.column(ofOffset: error.offset, in: line), problem: error.problem)
    }
    guard isComplete else {
      if splitter.exceedsLineLimit, let quoteLine = splitter.openQuoteLine {
        splitter.reset()
        throw .unclosedQuote(path: source.path, line: quoteLine)
      }
      return nil
    }
    let fields = splitter.fields
    let recordLine = splitter.recordLine
    guard let expected = expectedColumnCount else {
      try resolveColumns(firstRecord: fields, line: recordLine)
      if source.hasHeader { return nil }
      return try makeExample(fields, line: recordLine)
    }
    guard fields.count == expected else {
      throw .columnCount(
        path: source.path, line: recordLine, expected: expected, found: fields.count)
    }
    return try makeExample(fields, line: recordLine)
  }

  /// Fixes the column count and turns column references into positions.
  private mutating func resolveColumns(firstRecord fields: [String], line: Int)
    throws(CorpusError)
  {
    func position(of column: ColumnReference) throws(CorpusError) -> Int {
      let found: Int?
      switch column {
      case .name(let name): found = source.hasHeader ? fields.firstIndex(of: name) : nil
      case .index(let index): found = index < fields.count ? index : nil
      }
      guard let found else {
        throw .missingColumn(
          path: source.path, line: line, column: column,
          available: fields)
      }
      return found
    }
    textIndices = []
    for column in source.resolvedTextColumns { textIndices.append(try position(of: column)) }
    labelIndices = []
    for (task, column) in source.resolvedLabelColumns.sorted(by: { $0.key < $1.key }) {
      labelIndices.append((task, try position(of: column)))
    }
    idIndex = nil
    if let column = source.idColumn { idIndex = try position(of: column) }
    expectedColumnCount = fields.count
  }

  private func makeExample(_ fields: [String], line: Int) throws(CorpusError) -> Example {
    let text: String
    if textIndices.count == 1 {
      text = fields[textIndices[0]]
    } else {
      text = textIndices.map { fields[$0] }.joined(separator: " ")
    }
    var example = Example(text: text, location: CorpusLocation(path: source.path, line: line))
    if let idIndex { example.id = fields[idIndex] }
    for (task, index) in labelIndices where !BlankLabel.isBlank(fields[index]) {
      if let separator = source.labelSeparator, !separator.isEmpty {
        var labels = LabelListBuilder()
        for part in fields[index].split(separator: separator) {
          let label = part.trimmingCharacters(in: .whitespaces)
          if !label.isEmpty && !labels.add(label) {
            throw .invalidRecord(
              path: source.path, line: line, problem: LabelListBuilder.tooManyProblem)
          }
        }
        example.labelLists[task] = labels.labels
      } else {
        example.labels[task] = fields[index]
      }
    }
    return try LabelListCheck.checked(example, source: source, line: line)
  }

  mutating func finish() throws(CorpusError) {
    if let quoteLine = splitter.openQuoteLine {
      splitter.reset()
      throw .unclosedQuote(path: source.path, line: quoteLine)
    }
  }

  mutating func reset() {
    splitter.reset()
  }
}
