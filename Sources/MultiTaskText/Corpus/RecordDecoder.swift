/// Turns the decoded lines of one file format into examples.
///
/// The reader feeds lines in order; a decoder may need several lines for one record (CSV
/// with line breaks inside quotes), so it returns an example only when a record completes.
protocol RecordDecoder {
  /// Reads one line of valid UTF-8.
  ///
  /// - Parameters:
  ///   - line: The line's bytes, without the line ending.
  ///   - lineNumber: The line's 1-based number in the file.
  /// - Returns: An example when this line completes one, otherwise `nil`.
  /// - Throws: `CorpusError` for a malformed record.
  mutating func consume(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int)
    throws(CorpusError) -> Example?

  /// Reports a record still open at the end of the file.
  mutating func finish() throws(CorpusError)

  /// Forgets a partly read record after an error, so reading can resume on the next line.
  mutating func reset()

  /// A field that unlabelled records had instead of the label field, a few edits away from
  /// it; formats without named fields have none.
  var nearMissLabelField: NearMissField? { get }
}

extension RecordDecoder {
  /// No finding: the default for formats whose labels are not named fields.
  var nearMissLabelField: NearMissField? { nil }

  /// Whether a line holds only spaces and tabs; such lines are skipped, not errors.
  func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }
}
