#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Checks a run's output paths before any work, so a read-only folder or a typo in a
/// vocabulary path fails in the first second rather than after every epoch, and an output
/// that names one of the run's inputs is refused before it could overwrite it.
public enum OutputCheck {
  /// Checks that every path in `outputs` can be written and is none of `inputs`.
  ///
  /// Writability is tested the way the write will happen: a temporary file is created and
  /// removed in the destination's folder (or, when the folder does not exist yet, in the
  /// nearest folder above it that does), so permissions, read-only file systems and a file
  /// standing where a folder should be are all caught. Nothing else is created.
  ///
  /// - Parameters:
  ///   - outputs: The files the run will write.
  ///   - inputs: The files the run reads, each with what it is (`training file of task
  ///     "topic"`), named in the error.
  /// - Throws: ``PersistenceError/outputIsInput(path:input:)`` when an output is the same
  ///   file as an input (also through a link), or ``PersistenceError/fileSystem(path:operation:reason:)``
  ///   for the first output that cannot be written.
  public static func check(
    outputs: [String], inputs: [(role: String, path: String)]
  ) throws(PersistenceError) {
    for output in outputs {
      if let identity = identity(of: output) {
        for input in inputs where self.identity(of: input.path) == identity {
          throw .outputIsInput(path: output, input: input.role)
        }
      }
      try checkWritable(output)
    }
  }

  /// The device and inode of the file at `path` (links followed), or nil if there is none.
  static func identity(of path: String) -> [UInt64]? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return [UInt64(status.st_dev), UInt64(status.st_ino)]
  }

  private static func checkWritable(_ output: String) throws(PersistenceError) {
    let destination = try AtomicFileWriter.destination(of: output)
    guard case .replace(let target) = destination else {
      if access(destination.path, W_OK) != 0 {
        throw AtomicFileWriter.failure(output, "write")
      }
      return
    }
    var folder = AtomicFileWriter.split(target).folder
    while true {
      var status = stat()
      if stat(folder, &status) == 0 {
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
          throw .fileSystem(
            path: folder, operation: "create folder", reason: "a file is in the way")
        }
        break
      }
      guard errno == ENOENT else { throw AtomicFileWriter.failure(folder, "inspect the folder") }
      let parent = AtomicFileWriter.split(folder).folder
      if parent == folder { break }
      folder = parent
    }
    var template = Array("\(folder)/.mtl-write-check-\(getpid())-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { characters in
      characters.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard descriptor >= 0 else { throw AtomicFileWriter.failure(output, "write into \(folder)") }
    _ = close(descriptor)
    _ = template.withUnsafeBufferPointer { characters in
      characters.baseAddress.map { unlink($0) } ?? 0
    }
  }
}
