/// Why a file could not be saved or loaded, with the path and, for bad contents, the byte
/// offset where reading stopped.
public enum PersistenceError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The data ended before a value of `needed` bytes starting at `offset`.
  case truncated(path: String, offset: Int, needed: Int)
  /// The file does not start with the expected magic number, so it is not ours.
  case badMagic(path: String, expected: UInt32, found: UInt32)
  /// The file's format version is one this build cannot read.
  case unsupportedVersion(path: String, found: UInt32, supported: UInt32)
  /// The stored checksum does not match the contents: the file is damaged.
  case checksumMismatch(path: String, expected: UInt32, found: UInt32)
  /// A system call failed; `operation` says what was being done, `reason` is the system's
  /// explanation.
  case fileSystem(path: String, operation: String, reason: String)
  /// The model's manifest could not be written as JSON, typically because a setting such as
  /// a task weight is infinite or NaN; `problem` names the value and where it is. Nothing was
  /// saved, since no reader could load the model.
  case unencodableManifest(path: String, problem: String)
  /// An output path names a file the run reads (`input` says which), so writing it would
  /// destroy the input; nothing was written.
  case outputIsInput(path: String, input: String)

  /// The file the error is about.
  public var path: String {
    switch self {
    case .truncated(let path, _, _), .badMagic(let path, _, _),
      .unsupportedVersion(let path, _, _), .checksumMismatch(let path, _, _),
      .fileSystem(let path, _, _), .unencodableManifest(let path, _),
      .outputIsInput(let path, _):
      return path
    }
  }

  /// A one-line explanation for a terminal, starting with the path.
  public var description: String {
    switch self {
    case .truncated(let path, let offset, let needed):
      return "\(path): truncated at byte \(offset) (needed \(needed) more bytes)"
    case .badMagic(let path, let expected, let found):
      return "\(path): not a MultiTaskText file (magic \(hex(found)), expected \(hex(expected)))"
    case .unsupportedVersion(let path, let found, let supported):
      return "\(path): format version \(found) is not supported (this build reads \(supported))"
    case .checksumMismatch(let path, let expected, let found):
      return "\(path): checksum mismatch (stored \(hex(expected)), computed \(hex(found)));"
        + " the file is damaged"
    case .fileSystem(let path, let operation, let reason):
      return "\(path): cannot \(operation): \(reason)"
    case .unencodableManifest(let path, let problem):
      return "\(path): cannot save the model: \(problem)"
    case .outputIsInput(let path, let input):
      return "\(path): refusing to write an output here: it is the \(input)"
    }
  }
}

private func hex(_ value: UInt32) -> String {
  let digits = String(value, radix: 16)
  return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
