#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension AtomicFileWriter {
  /// What saving to a path really writes, once symbolic links are followed.
  enum Destination: Equatable {
    /// A regular file, or nothing yet: replaced through a temporary file and a rename.
    case replace(String)
    /// A FIFO or a character device (`/dev/null`, a terminal): written in place, since a
    /// rename would put a regular file where the special file was.
    case direct(String)

    /// The path that is written.
    var path: String {
      switch self {
      case .replace(let path), .direct(let path): return path
      }
    }
  }

  /// Follows symbolic links from `path` and says how the file they end at is written.
  ///
  /// Renaming over a symbolic link would replace the link with a regular file, leaving the
  /// file it pointed to stale; so a link is followed, also when its target does not exist
  /// yet (the target is then created), and its target is what is replaced.
  ///
  /// - Throws: `PersistenceError.fileSystem` for a link loop, a directory, a block device or
  ///   a socket at the destination.
  static func destination(of path: String) throws(PersistenceError) -> Destination {
    var current = path
    for _ in 0..<40 {
      var status = stat()
      guard lstat(current, &status) == 0 else {
        if errno == ENOENT { return .replace(current) }
        if errno == ENOTDIR {
          throw .fileSystem(
            path: current, operation: "write",
            reason: "a file stands where one of its folders should be")
        }
        throw failure(current, "inspect the destination")
      }
      switch status.st_mode & S_IFMT {
      case S_IFLNK:
        current = try linkTarget(of: current)
      case S_IFREG:
        return .replace(current)
      case S_IFIFO, S_IFCHR:
        return .direct(current)
      case S_IFDIR:
        throw .fileSystem(path: current, operation: "write", reason: "it is a directory")
      case S_IFBLK:
        throw .fileSystem(
          path: current, operation: "write",
          reason: "it is a block device; refusing to overwrite it")
      default:
        throw .fileSystem(
          path: current, operation: "write",
          reason: "it is not a regular file; refusing to replace it")
      }
    }
    throw .fileSystem(
      path: path, operation: "write", reason: "too many levels of symbolic links (a link loop)")
  }

  /// The path a symbolic link points to, relative targets resolved against its folder.
  private static func linkTarget(of link: String) throws(PersistenceError) -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = buffer.withUnsafeMutableBufferPointer { characters in
      characters.baseAddress.map { readlink(link, $0, characters.count - 1) } ?? -1
    }
    guard count >= 0 else { throw failure(link, "read the symbolic link") }
    let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if target.hasPrefix("/") { return target }
    return split(link).folder + "/" + target
  }
}
