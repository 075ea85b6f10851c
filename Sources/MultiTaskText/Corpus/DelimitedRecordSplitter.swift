/// Splits CSV or TSV lines into records of fields, following RFC 4180 when quoting is on.
///
/// A field that starts with `"` is quoted: `""` inside it is one quote, and it may contain
/// the delimiter and line breaks, so a record can span lines. A line break inside quotes is
/// kept as `\n` whatever the file used. A quote inside an unquoted field is an ordinary
/// character, as in most spreadsheet exports; text after a closing quote is an error.
struct DelimitedRecordSplitter {
  /// A syntax error at a 0-based byte offset of a line.
  struct SyntaxError: Error {
    var offset: Int
    var problem: String
  }

  let delimiter: UInt8
  let allowsQuotes: Bool
  let maximumLines: Int

  /// The fields of the record most recently completed.
  private(set) var fields: [String] = []
  /// The line where the current record starts.
  private(set) var recordLine = 0
  /// The line where the open quoted field started, when one is open.
  private(set) var openQuoteLine: Int?

  private var field: [UInt8] = []
  private var linesInRecord = 0

  init(delimiter: UInt8, allowsQuotes: Bool, maximumLines: Int) {
    self.delimiter = delimiter
    self.allowsQuotes = allowsQuotes
    self.maximumLines = maximumLines
  }

  /// Whether a record is partly read, waiting for the line that closes its quote.
  var isInsideRecord: Bool { openQuoteLine != nil }

  /// Reads one line; returns `true` when it completes a record, now in ``fields``.
  mutating func consume(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int)
    throws(SyntaxError) -> Bool
  {
    var atFieldStart = true
    var afterClosingQuote = false
    if openQuoteLine == nil {
      fields.removeAll(keepingCapacity: true)
      field.removeAll(keepingCapacity: true)
      recordLine = lineNumber
      linesInRecord = 1
    } else {
      field.append(0x0A)
      atFieldStart = false
      linesInRecord += 1
    }
    var index = 0
    let quote = UInt8(ascii: "\"")
    while index < line.count {
      let byte = line[index]
      if openQuoteLine != nil {
        if byte == quote {
          if index + 1 < line.count && line[index + 1] == quote {
            field.append(quote)
            index += 2
            continue
          }
          openQuoteLine = nil
          afterClosingQuote = true
        } else {
          field.append(byte)
        }
      } else if byte == delimiter {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        atFieldStart = true
        afterClosingQuote = false
      } else if afterClosingQuote {
        let name = delimiter == 0x09 ? "a tab" : "'\(Character(Unicode.Scalar(delimiter)))'"
        throw SyntaxError(
          offset: index, problem: "expected \(name) or end of line after closing quote")
      } else if allowsQuotes && atFieldStart && byte == quote {
        openQuoteLine = lineNumber
        atFieldStart = false
      } else {
        field.append(byte)
        atFieldStart = false
      }
      index += 1
    }
    if openQuoteLine != nil { return false }
    fields.append(String(decoding: field, as: UTF8.self))
    return true
  }

  /// Whether the open quoted field has already spanned the most lines allowed.
  var exceedsLineLimit: Bool { openQuoteLine != nil && linesInRecord >= maximumLines }

  /// Drops any partly read record.
  mutating func reset() {
    openQuoteLine = nil
    field.removeAll(keepingCapacity: true)
    fields.removeAll(keepingCapacity: true)
  }
}
