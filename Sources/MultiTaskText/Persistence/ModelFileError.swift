/// Why a model file could not be loaded. Every message starts with the file's path.
public enum ModelFileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file is missing, a directory, or unreadable.
  case unreadable(path: String, problem: String)
  /// The file does not start with the model magic number.
  case notAModel(path: String)
  /// The file was written by a newer, incompatible version.
  case unsupportedVersion(path: String, found: UInt32, supported: UInt32)
  /// The file ends early.
  case truncated(path: String, offset: Int, needed: Int)
  /// The contents do not match the checksum: the file was damaged after it was written.
  case checksumMismatch(path: String)
  /// The structure is inconsistent.
  case malformed(path: String, problem: String)

  /// A one-line message for a terminal starting with the path, saying what is wrong and,
  /// where there is one, what to do (upgrade `mtl`, copy the file again).
  public var description: String {
    switch self {
    case .unreadable(let path, let problem): return "\(path): cannot read the model: \(problem)"
    case .notAModel(let path):
      return "\(path): not an mtl model file (the magic number \"MTLM\" is missing)"
    case .unsupportedVersion(let path, let found, let supported):
      return "\(path): model format version \(found) is newer than this mtl supports "
        + "(\(supported)); upgrade mtl"
    case .truncated(let path, let offset, let needed):
      return "\(path): the model file is truncated at byte \(offset) "
        + "(needed \(needed) more bytes); it was probably not copied completely"
    case .checksumMismatch(let path):
      return "\(path): the model file is damaged (checksum mismatch)"
    case .malformed(let path, let problem): return "\(path): malformed model file: \(problem)"
    }
  }
}
