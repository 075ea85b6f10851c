import MultiTaskText

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a model file's bytes for the server, refusing anything but a regular file before
/// reading a byte.
///
/// A reload names a path the operator may have pointed anywhere. Opening a FIFO for reading
/// waits for a writer, and `/dev/zero` never ends; either would hold the reload, and every
/// reload after it, forever. The file is opened without blocking and checked through its
/// descriptor, so what is checked is what is read.
enum ModelFileBytes {
  /// The file's bytes.
  ///
  /// - Throws: ``ServerError/modelUnavailable(_:)`` naming the path and the problem: a
  ///   missing or unreadable file, a directory, a pipe or device, or a file larger than
  ///   ``ModelFile/maximumFileBytes``.
  static func read(path: String) throws(ServerError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw failure(path, describe(errno)) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw failure(path, describe(errno)) }
    if let kind = kind(status.st_mode) {
      throw failure(path, "it is \(kind), not a regular file")
    }
    let size = Int(status.st_size)
    guard size <= ModelFile.maximumFileBytes else {
      throw failure(
        path, "it is \(size) bytes, more than the \(ModelFile.maximumFileBytes) a model may be")
    }
    var bytes = [UInt8](repeating: 0, count: size)
    var filled = 0
    while filled < size {
      let count = bytes.withUnsafeMutableBytes { buffer in
        Glibc.read(descriptor, buffer.baseAddress.map { $0 + filled }, size - filled)
      }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { throw failure(path, describe(errno)) }
      // A file that shrank while it was read ends early; decoding names what is missing.
      if count == 0 { return Array(bytes[0..<filled]) }
      filled += count
    }
    return bytes
  }

  /// What the file is when it is not a regular file, as a message names it.
  static func kind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFDIR: return "a directory"
    case S_IFIFO: return "a named pipe (FIFO)"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFSOCK: return "a socket"
    default: return "not a file"
    }
  }

  private static func failure(_ path: String, _ problem: String) -> ServerError {
    .modelUnavailable("\(path): cannot read the model: \(problem)")
  }

  private static func describe(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
