#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Saves a file so that readers see either the old contents or the new, never a mix, even
/// if the process or the machine stops halfway.
///
/// The bytes go to a temporary file in the destination's folder (`.name.tmp-<pid>-XXXXXX`,
/// made unique by `mkstemp`), which is flushed to disk, then renamed over the destination;
/// the folder is flushed too, so the rename itself survives a power loss. Renaming within one
/// folder is atomic on POSIX file systems, which is why the temporary file is not put in
/// `/tmp`. On any failure the temporary file is removed and the destination is untouched.
///
/// Symbolic links are followed (the target is replaced, the link stays); a FIFO or a
/// character device is written in place; a directory, block device or socket is refused.
/// Temporary files of runs that were killed mid-write are removed by the next write.
///
/// Missing parent folders are created (mode 0755), since saving a model into a new
/// `runs/<name>/` folder is the common case. The file gets `permissions` (0644 by default)
/// instead of `mkstemp`'s private 0600.
public struct AtomicFileWriter: Sendable {
  /// The mode bits of saved files.
  public var permissions: UInt16

  /// Creates a writer whose files get `permissions`.
  public init(permissions: UInt16 = 0o644) {
    self.permissions = permissions
  }

  /// Replaces the contents of `path` with `bytes`, atomically.
  ///
  /// - Throws: `PersistenceError.fileSystem` naming the path and the failed step. If only
  ///   the final flush of the folder fails, the file has been replaced but the rename may
  ///   not survive a power loss.
  public func write(_ bytes: [UInt8], to path: String) throws(PersistenceError) {
    try write(to: path) { (emit) throws(PersistenceError) in try emit(bytes) }
  }

  /// Replaces the contents of `path` atomically with the bytes `produce` hands to its
  /// `emit` function, chunk by chunk, so a large file never has to sit in memory whole.
  ///
  /// - Throws: `PersistenceError.fileSystem` naming the path and the failed step, or what
  ///   `produce` throws; either way the destination is untouched and no temporary file stays.
  public func write(
    to path: String,
    _ produce: (_ emit: ([UInt8]) throws(PersistenceError) -> Void) throws(PersistenceError) -> Void
  ) throws(PersistenceError) {
    try prepare(to: path, produce).commit()
  }

  /// Writes the new contents of `path` beside it without making them visible yet.
  ///
  /// Symbolic links are followed, so the file a link points to is replaced and the link
  /// stays. A FIFO or a character device at the destination is kept: its bytes are held in
  /// memory and written into it on commit. Temporary files that a killed run left for the
  /// same destination are removed first.
  ///
  /// - Returns: The prepared file; ``PreparedFile/commit()`` puts it in place.
  /// - Throws: `PersistenceError.fileSystem` naming the path and the failed step (also for a
  ///   directory, a block device or a link loop at `path`), or what `produce` throws; either
  ///   way the destination is untouched and no temporary file stays.
  public func prepare(
    to path: String,
    _ produce: (_ emit: ([UInt8]) throws(PersistenceError) -> Void) throws(PersistenceError) -> Void
  ) throws(PersistenceError) -> PreparedFile {
    let destination = try Self.destination(of: path)
    guard case .replace(let target) = destination else {
      var bytes: [UInt8] = []
      try produce { (chunk) throws(PersistenceError) in bytes.append(contentsOf: chunk) }
      return PreparedFile(path: destination.path, contents: .inMemory(bytes))
    }
    let (folder, name) = Self.split(target)
    try Self.createFolder(folder)
    Self.removeStaleTemporaryFiles(in: folder, name: name)
    var template = Array("\(folder)/.\(name).tmp-\(getpid())-XXXXXX".utf8CString)
    // The template always holds at least its terminating NUL, so it has a base address;
    // were it missing, -1 is reported as a failure to create the file.
    let descriptor = template.withUnsafeMutableBufferPointer { characters in
      characters.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard descriptor >= 0 else {
      throw Self.failure(target, "create a temporary file in \(folder)")
    }
    let temporaryPath = String(
      decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    do throws(PersistenceError) {
      var closed = false
      defer { if !closed { _ = close(descriptor) } }
      try produce { (chunk) throws(PersistenceError) in
        try Self.writeAll(chunk, to: descriptor, path: target)
      }
      if fchmod(descriptor, mode_t(permissions)) != 0 {
        throw Self.failure(target, "set permissions")
      }
      if fsync(descriptor) != 0 { throw Self.failure(target, "flush to disk") }
      closed = true
      if close(descriptor) != 0 { throw Self.failure(target, "close the temporary file") }
    } catch {
      _ = unlink(temporaryPath)
      throw error
    }
    return PreparedFile(path: target, contents: .temporaryFile(temporaryPath))
  }

  /// Prepares `bytes` as the new contents of `path`; see ``prepare(to:_:)``.
  public func prepare(_ bytes: [UInt8], to path: String) throws(PersistenceError) -> PreparedFile {
    try prepare(to: path) { (emit) throws(PersistenceError) in try emit(bytes) }
  }

  /// Splits a path into its folder (`.` when there is none) and its last component.
  static func split(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let folder = String(path[..<slash])
    return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
  }

  static func createFolder(_ folder: String) throws(PersistenceError) {
    var status = stat()
    if stat(folder, &status) == 0 {
      if (status.st_mode & S_IFMT) == S_IFDIR { return }
      throw .fileSystem(path: folder, operation: "create folder", reason: "a file is in the way")
    }
    let parent = split(folder).folder
    if parent != folder { try createFolder(parent) }
    if mkdir(folder, 0o755) != 0 && errno != EEXIST { throw failure(folder, "create folder") }
  }

  static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String)
    throws(PersistenceError)
  {
    let error: Int32 = bytes.withUnsafeBytes { buffer in
      // Only an empty chunk may have no base address, and then there is nothing to write.
      guard let start = buffer.baseAddress else { return 0 }
      var written = 0
      while written < buffer.count {
        let result = systemWrite(descriptor, start + written, buffer.count - written)
        if result < 0 {
          if errno == EINTR { continue }
          return errno
        }
        written += result
      }
      return 0
    }
    if error != 0 { throw failure(path, "write", code: error) }
  }

  static func flushFolder(_ folder: String) throws(PersistenceError) {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
    if descriptor < 0 { throw failure(folder, "open the folder to flush it") }
    defer { _ = close(descriptor) }
    // Some file systems cannot flush a folder; the rename has happened either way.
    if fsync(descriptor) != 0 && errno != EINVAL && errno != ENOTSUP {
      throw failure(folder, "flush the folder to disk")
    }
  }

  static func failure(_ path: String, _ operation: String, code: Int32 = errno)
    -> PersistenceError
  {
    .fileSystem(path: path, operation: operation, reason: String(cString: strerror(code)))
  }
}

/// The system's `write`, named apart from `AtomicFileWriter.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.write(descriptor, bytes, count)
  #else
    return Darwin.write(descriptor, bytes, count)
  #endif
}
