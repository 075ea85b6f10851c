/// Why text could not be prepared.
public enum TextError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The input is not valid UTF-8 and the normalizer was told to reject it.
  case invalidUTF8(offset: Int)
  /// The input is larger than ICU can index (2 GiB − 1 bytes in one document).
  case documentTooLong(bytes: Int)
  /// ICU reported an error; `name` is its symbolic name, such as `U_MEMORY_ALLOCATION_ERROR`.
  case icu(operation: String, name: String)

  /// A one-line message for a terminal naming the byte offset, the size or the failed ICU
  /// call; callers prefix the file and line, which the text layer does not know.
  public var description: String {
    switch self {
    case .invalidUTF8(let offset):
      return "invalid UTF-8 at byte offset \(offset)"
    case .documentTooLong(let bytes):
      return "document of \(bytes) bytes is longer than the 2147483647 bytes ICU can index"
    case .icu(let operation, let name):
      return "ICU failed to \(operation): \(name)"
    }
  }
}
