import Foundation

/// The key in an `--api-key-file`: its first line, without the spaces, tabs or carriage
/// return an editor or `echo` leaves around it.
///
/// Clients send the key without them, so a key kept with a trailing space would lock every
/// client out with no sign why. Whitespace inside the key cannot be sent in a bearer token
/// and is refused.
public enum APIKeyFile {
  /// Why a key file cannot be used.
  public enum Problem: Error, Equatable, CustomStringConvertible {
    /// The first line holds nothing but whitespace.
    case empty(path: String)
    /// The key has a space or tab inside it.
    case innerWhitespace(path: String)

    /// A message naming the file.
    public var description: String {
      switch self {
      case .empty(let path): return "\(path): the API key file is empty"
      case .innerWhitespace(let path):
        return "\(path): the API key contains a space or tab; a bearer key cannot"
      }
    }
  }

  /// The key in `contents`, and whether whitespace was trimmed from around it, which the
  /// command line reports so the operator knows what clients must send.
  ///
  /// - Parameters:
  ///   - contents: The file's text.
  ///   - path: The file, for messages.
  /// - Throws: ``Problem`` when no usable key is there.
  public static func key(
    from contents: String, path: String
  ) throws(Problem) -> (key: String, trimmed: Bool) {
    let lines = contents.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    let firstLine = String(lines.first ?? "")
    let key = firstLine.trimmingCharacters(in: .whitespaces)
    guard !key.isEmpty else { throw .empty(path: path) }
    guard !key.contains(where: \.isWhitespace) else { throw .innerWhitespace(path: path) }
    return (key, key != firstLine)
  }
}
