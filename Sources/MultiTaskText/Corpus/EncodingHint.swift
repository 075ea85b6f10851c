import Foundation

/// The encoding to suggest for a file whose invalid UTF-8 was repaired: the one of the
/// supported single-byte encodings that decodes it cleanly.
///
/// Every byte is a character in Latin-1, but 0x80–0x9F there are invisible C1 controls,
/// which real text almost never holds; in Windows-1252 those bytes are curly quotes, dashes
/// and the euro sign, which mis-saved "UTF-8" files are full of, and only five of them
/// (0x81, 0x8D, 0x8F, 0x90, 0x9D) are undefined. So a file without those five decodes
/// cleanly as Windows-1252, which is the better guess; a file with them decodes cleanly only
/// as Latin-1.
public enum EncodingHint {
  /// The bytes read at most, which is plenty to see a file's high bytes.
  public static let sampleBytes = 4 << 20

  /// The suggestion for the file at `path`, or nil when it cannot be read.
  ///
  /// - Parameter path: The file whose invalid UTF-8 was repaired.
  /// - Returns: `.windows1252`, or `.latin1` when Windows-1252 leaves a byte undefined.
  public static func suggestion(forFileAt path: String) -> CorpusEncoding? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    guard let data = try? handle.read(upToCount: sampleBytes) else { return nil }
    return suggestion(for: [UInt8](data))
  }

  /// The suggestion for `bytes`.
  static func suggestion(for bytes: [UInt8]) -> CorpusEncoding {
    let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
    return bytes.contains(where: undefined.contains) ? .latin1 : .windows1252
  }
}
