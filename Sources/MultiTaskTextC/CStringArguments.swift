import MultiTaskText
import MultiTaskTextConfiguration

/// Reads the C strings a host passes: one optional string, or an array with its count.
enum CStringArguments {
  /// The largest array a host may pass; a count above it is a mistake, not a request.
  static let largestCount: UInt64 = 100_000

  /// A corpus format named by `pointer` (`"jsonl"`, `"csv"`, `"tsv"`, `"fasttext"`), or nil
  /// for NULL; `name` is the field, named in the error.
  ///
  /// - Throws: ``CFailure/invalidArgument(_:)`` for any other name.
  static func corpusFormat(
    _ pointer: UnsafePointer<CChar>?, name: String
  ) throws(CFailure) -> CorpusFormat? {
    guard let text = optional(pointer) else { return nil }
    guard let format = CorpusFormat(rawValue: text) else {
      throw .invalidArgument("\(name) must be jsonl, csv, tsv or fasttext, found \"\(text)\"")
    }
    return format
  }

  /// The configuration a host names by its path (`config`), decoded, or nil for no path.
  static func configuration(_ path: String?) throws -> PipelineConfiguration? {
    try path.map { try RunConfiguration.load(path: $0).pipeline }
  }

  /// `pointer` as a Swift string, or nil for NULL.
  static func optional(_ pointer: UnsafePointer<CChar>?) -> String? {
    pointer.map { String(cString: $0) }
  }

  /// The `count` strings of `array`, named `name` in errors (`overrides`), its count
  /// `countName` (`override_count`).
  ///
  /// - Throws: ``CFailure/invalidArgument(_:)`` for a NULL array with a nonzero count, a
  ///   count above ``largestCount``, or a NULL entry.
  static func array(
    _ array: UnsafePointer<UnsafePointer<CChar>?>?, count: UInt64, name: String, countName: String
  ) throws(CFailure) -> [String] {
    guard count > 0 else { return [] }
    guard let array else { throw .invalidArgument("\(name) must not be NULL") }
    guard count <= largestCount else {
      throw .invalidArgument("\(countName) is \(count); at most \(largestCount)")
    }
    return try (0..<Int(count)).map { (index) throws(CFailure) in
      guard let entry = array[index] else {
        throw .invalidArgument("\(name)[\(index)] must not be NULL")
      }
      return String(cString: entry)
    }
  }
}
