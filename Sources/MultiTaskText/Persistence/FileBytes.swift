#if canImport(Glibc)
  import Glibc
#endif

/// Reads a whole file into one byte array with a single copy from the kernel.
///
/// Foundation's `Data(contentsOf:)` followed by `Array(_:)` holds the file twice; a model file
/// can be hundreds of megabytes, so it is read straight into its final buffer.
enum FileBytes {
  struct Failure: Error {
    var problem: String
  }

  static func read(path: String) throws(Failure) -> [UInt8] {
    var status = stat()
    guard stat(path, &status) == 0 else { throw Failure(problem: LineReader.describe(errno)) }
    if (status.st_mode & S_IFMT) == S_IFDIR { throw Failure(problem: "is a directory") }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw Failure(problem: LineReader.describe(errno)) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var capacity = max(Int(status.st_size), 1 << 16)
    bytes.reserveCapacity(capacity)
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw Failure(problem: LineReader.describe(errno))
      }
      if count == 0 { return bytes }
      if bytes.count + count > capacity {
        capacity *= 2
        bytes.reserveCapacity(capacity)
      }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }
}
