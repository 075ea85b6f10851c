#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Says why an input file cannot be read, before any work, in the words of what really
/// happened: a file that is missing is not the same as a link loop or a folder on the way
/// that may not be entered, and reporting all three as "file not found" sends the user
/// looking for a typo that is not there.
public enum InputFileCheck {
  /// What is wrong with an input path.
  public enum Problem: Equatable, Sendable {
    /// Nothing is at the path.
    case missing
    /// Something is there but cannot be read as a file; the text says why.
    case unreadable(String)
  }

  /// The problem with reading `path` as a file, or nil when it is a readable file.
  public static func problem(at path: String) -> Problem? {
    var status = stat()
    guard stat(path, &status) == 0 else {
      switch errno {
      case ENOENT: return .missing
      case ELOOP: return .unreadable("too many levels of symbolic links (a link loop)")
      case EACCES: return .unreadable("permission denied on a folder of the path")
      case ENOTDIR: return .unreadable("a component of the path is not a folder")
      default: return .unreadable(String(cString: strerror(errno)))
      }
    }
    if (status.st_mode & S_IFMT) == S_IFDIR { return .unreadable("not a regular file") }
    if access(path, R_OK) != 0 { return .unreadable("permission denied") }
    return nil
  }
}
