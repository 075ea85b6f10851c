/// The character encoding of a corpus file.
///
/// Corpora are mostly UTF-8, but older English corpora were published as Windows-1252 or
/// ISO-8859-1. Those are transcoded to UTF-8 line by line as the file streams, so the rest of
/// the pipeline only ever sees UTF-8.
public enum CorpusEncoding: String, Sendable, Hashable, CaseIterable {
  /// UTF-8, with or without a byte order mark. Invalid sequences are repaired to U+FFFD
  /// and counted, unless the source asks for strict decoding.
  case utf8 = "utf-8"
  /// Windows code page 1252: Latin-1 with printable characters (€, smart quotes, dashes) in
  /// 0x80–0x9F. Its five undefined bytes map to the C1 controls of the same value.
  case windows1252 = "windows-1252"
  /// ISO-8859-1: every byte is the Unicode scalar of the same value.
  case latin1

  /// Finds an encoding by one of its common names, ignoring case.
  ///
  /// - Parameter name: A name such as `utf8`, `UTF-8`, `cp1252`, `windows-1252`, `latin1` or
  ///   `iso-8859-1`.
  /// - Returns: The encoding, or `nil` when the name is unknown.
  public init?(name: String) {
    switch name.lowercased() {
    case "utf-8", "utf8": self = .utf8
    case "windows-1252", "cp1252", "windows1252": self = .windows1252
    case "latin1", "latin-1", "iso-8859-1", "iso8859-1": self = .latin1
    default: return nil
    }
  }
}

extension CorpusEncoding: Codable {
  /// Decodes an encoding from its name, accepting the aliases of ``init(name:)``.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let name = try container.decode(String.self)
    guard let encoding = CorpusEncoding(name: name) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription: "unknown encoding \"\(name)\"; expected utf-8, windows-1252 or latin1")
    }
    self = encoding
  }

  /// Encodes the encoding's canonical name.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
