/// Reads JSONL records: one JSON object per line, with text and one or more labels.
///
/// `{"text": "…", "label": "World"}` labels the source's task. `{"text": "…", "labels":
/// {"topic": "World", "spam": null}}` labels several tasks; a task that is absent or `null`
/// stays unlabelled. An object under the label field is an error, never an unlabelled record. Numbers and booleans are accepted as labels in their literal spelling,
/// because many corpora store classes as `0` and `1`. Other members are skipped.
///
/// With `checksLabelField`, the first record must have the label field or the labels field:
/// when it has neither, the field name is almost certainly wrong (`labelField: category` for records keyed `label`),
/// and reading on would only end in "no example is labelled" after the whole file.
struct JSONLRecordDecoder: RecordDecoder {
  let source: CorpusSource
  private var checkedFirstRecord = false
  private var sawFirstLine = false
  /// See ``RecordDecoder/nearMissLabelField``.
  private(set) var nearMissLabelField: NearMissField?
  /// The label fields, for the near-miss check.
  private let labelFields: [String]

  init(source: CorpusSource) {
    self.source = source
    checkedFirstRecord = !source.checksLabelField
    labelFields = [source.labelField, source.labelsField]
  }

  mutating func consume(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int)
    throws(CorpusError) -> Example?
  {
    if isBlank(line) { return nil }
    if !sawFirstLine {
      sawFirstLine = true
      if let first = line.first(where: { $0 != 0x20 && $0 != 0x09 }), first == UInt8(ascii: "[") {
        throw .jsonArray(path: source.path, line: lineNumber)
      }
    }
    var parser = JSONLineParser(bytes: line)
    var text: String?
    var id: String?
    var labels: [String: String] = [:]
    var lists: [String: [String]] = [:]
    var keys: [String] = []
    var hasLabelKey = false
    do throws(JSONSyntaxError) {
      try parser.beginObject()
      var isFirst = true
      while let key = try parser.nextKey(isFirst: isFirst) {
        isFirst = false
        if !checkedFirstRecord { keys.append(key) }
        if key == source.textField {
          guard parser.current == UInt8(ascii: "\"") else {
            throw parser.error("text field \"\(key)\" must be a string")
          }
          text = try parser.parseString()
        } else if key == source.idField {
          id = try parser.parseScalarText(what: "id field \"\(key)\"")
        } else if source.readsLabels && (key == source.labelField || key == source.labelsField) {
          hasLabelKey = true
          if parser.current == UInt8(ascii: "{") && key != source.labelsField {
            // An object is the multi-task form, which belongs under the labels field; read
            // here, it would label other tasks and leave this record silently unlabelled.
            throw parser.error(
              "label \"\(key)\" must be one label (a string, number or boolean) for task"
                + " \"\(source.taskName)\", found an object; labels of several tasks go"
                + " under \"\(source.labelsField)\"")
          }
          if parser.current == UInt8(ascii: "{") {
            try readLabelObject(&parser, into: &labels, lists: &lists)
          } else if parser.current == UInt8(ascii: "[") {
            lists[source.taskName] = try parser.parseLabelList(what: "label \"\(key)\"")
          } else {
            labels[source.taskName] = BlankLabel.kept(
              try parser.parseScalarText(what: "label \"\(key)\""))
          }
        } else {
          try parser.skipValue()
        }
      }
      try parser.finish()
    } catch {
      throw .syntax(
        path: source.path, line: lineNumber,
        column: UTF8Bytes.column(ofOffset: error.offset, in: line), problem: error.problem)
    }
    if !checkedFirstRecord {
      checkedFirstRecord = true
      if !hasLabelKey {
        throw .missingLabelField(
          path: source.path, line: lineNumber, field: source.labelField,
          labelsField: source.labelsField, task: source.taskName, available: keys)
      }
    }
    if !hasLabelKey && source.readsLabels { noteNearMiss(in: line, line: lineNumber) }
    guard let text else {
      throw .invalidRecord(
        path: source.path, line: lineNumber,
        problem: "missing text field \"\(source.textField)\"")
    }
    var example = Example(
      text: text, labels: labels, location: CorpusLocation(path: source.path, line: lineNumber))
    example.labelLists = lists
    // The text itself may be the identifier (`--id-field text`); its key was read as text.
    example.id = source.idField == source.textField ? text : id
    return try LabelListCheck.checked(example, source: source, line: lineNumber)
  }

  /// Remembers a key of an unlabelled record that is a few edits from a label field (`lable`
  /// for `label`): the likely reason the record has no label.
  /// The record is parsed again for its keys: unlabelled records are rare, and labelled ones
  /// then pay nothing for the check.
  private mutating func noteNearMiss(in record: UnsafeBufferPointer<UInt8>, line: Int) {
    var keys: [String] = []
    var parser = JSONLineParser(bytes: record)
    do throws(JSONSyntaxError) {
      try parser.beginObject()
      var isFirst = true
      while let key = try parser.nextKey(isFirst: isFirst) {
        isFirst = false
        keys.append(key)
        try parser.skipValue()
      }
    } catch {
      return
    }
    if let known = nearMissLabelField, keys.contains(known.field) {
      nearMissLabelField?.records += 1
      return
    }
    guard nearMissLabelField == nil else { return }
    for key in keys where key != source.textField && key != source.idField {
      guard key.count >= 3, let match = NameSuggestion.closest(to: key, among: labelFields),
        match != key
      else { continue }
      nearMissLabelField = NearMissField(field: key, firstLine: line, records: 1)
      return
    }
  }

  /// Reads `{"task": label, …}`; `null` removes the task, leaving it unlabelled.
  private func readLabelObject(
    _ parser: inout JSONLineParser, into labels: inout [String: String],
    lists: inout [String: [String]]
  ) throws(JSONSyntaxError) {
    try parser.beginObject()
    var isFirst = true
    while let task = try parser.nextKey(isFirst: isFirst) {
      isFirst = false
      if parser.current == UInt8(ascii: "[") {
        lists[task] = try parser.parseLabelList(what: "labels for task \"\(task)\"")
      } else {
        labels[task] = BlankLabel.kept(
          try parser.parseScalarText(what: "label for task \"\(task)\""))
      }
    }
  }

  mutating func finish() throws(CorpusError) {}

  mutating func reset() {}
}
