extension CorpusSource: Codable {
  private enum CodingKeys: String, CodingKey {
    case path, format, encoding, taskName, textField, labelField, labelsField, textColumns
    case labelColumns, hasHeader, allowsQuotedFields, labelPrefix, skipInvalid, strictEncoding
    case maximumLinesPerRecord, labelSeparator
  }

  /// Decodes a source from a configuration file; only `path` and `format` are required and
  /// every other key falls back to the default of the memberwise initializer.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    var source = CorpusSource(
      path: try container.decode(String.self, forKey: .path),
      format: try container.decode(CorpusFormat.self, forKey: .format))
    func read<Value: Decodable>(_ key: CodingKeys, into value: inout Value) throws {
      if let decoded = try container.decodeIfPresent(Value.self, forKey: key) { value = decoded }
    }
    try read(.encoding, into: &source.encoding)
    try read(.taskName, into: &source.taskName)
    try read(.textField, into: &source.textField)
    try read(.labelField, into: &source.labelField)
    try read(.labelsField, into: &source.labelsField)
    try read(.hasHeader, into: &source.hasHeader)
    try read(.labelPrefix, into: &source.labelPrefix)
    try read(.skipInvalid, into: &source.skipInvalid)
    try read(.strictEncoding, into: &source.strictEncoding)
    try read(.maximumLinesPerRecord, into: &source.maximumLinesPerRecord)
    source.textColumns = try container.decodeIfPresent([ColumnReference].self, forKey: .textColumns)
    source.labelColumns = try container.decodeIfPresent(
      [String: ColumnReference].self, forKey: .labelColumns)
    source.allowsQuotedFields = try container.decodeIfPresent(
      Bool.self, forKey: .allowsQuotedFields)
    source.labelSeparator = try container.decodeIfPresent(String.self, forKey: .labelSeparator)
    self = source
  }

  /// Encodes every setting, leaving out optional ones that are unset.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(path, forKey: .path)
    try container.encode(format, forKey: .format)
    try container.encode(encoding, forKey: .encoding)
    try container.encode(taskName, forKey: .taskName)
    try container.encode(textField, forKey: .textField)
    try container.encode(labelField, forKey: .labelField)
    try container.encode(labelsField, forKey: .labelsField)
    try container.encodeIfPresent(textColumns, forKey: .textColumns)
    try container.encodeIfPresent(labelColumns, forKey: .labelColumns)
    try container.encode(hasHeader, forKey: .hasHeader)
    try container.encodeIfPresent(allowsQuotedFields, forKey: .allowsQuotedFields)
    try container.encode(labelPrefix, forKey: .labelPrefix)
    try container.encode(skipInvalid, forKey: .skipInvalid)
    try container.encode(strictEncoding, forKey: .strictEncoding)
    try container.encode(maximumLinesPerRecord, forKey: .maximumLinesPerRecord)
    try container.encodeIfPresent(labelSeparator, forKey: .labelSeparator)
  }
}
