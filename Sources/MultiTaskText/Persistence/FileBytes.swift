#if canImport(Glibc)
  import Glibc
#endif

/// Reads a whole file into one byte array with a single copy from the kernel.
///
/// Foundation's `Data(contentsOf:)` followed by `Array(_:)` holds the file twice; a model file
/// can be hundreds of megabytes, so it is read straight into its final buffer.
///
/// Reading stops at `limit` bytes and as soon as the first bytes differ from
/// `expectedPrefix`, so a device such as `/dev/zero` or an endless pipe is refused after one
/// chunk instead of filling memory.
enum FileBytes {
  struct Failure: Error {
    var problem: String
    /// True when the file does not start with the expected prefix.
    var wrongPrefix = false
    /// True when the head check found the file damaged.
    var damagedHead = false
  }

  /// A check of the file's first `length` bytes, run once they are read: a problem it
  /// returns stops reading there, so a file that is damaged from its header on costs one
  /// chunk of memory, not its whole size.
  struct HeadCheck {
    var length: Int
    var problem: ([UInt8]) -> String?
  }

  static func read(
    path: String, limit: Int = Int.max, expectedPrefix: [UInt8] = [], headCheck: HeadCheck? = nil
  ) throws(Failure) -> [UInt8] {
    var status = stat()
    guard stat(path, &status) == 0 else { throw Failure(problem: LineReader.describe(errno)) }
    if (status.st_mode & S_IFMT) == S_IFDIR { throw Failure(problem: "is a directory") }
    let tooLarge = Failure(
      problem:
        "is larger than \(LineReader.describe(bytes: limit)), the largest file mtl reads here")
    if Int(status.st_size) > limit { throw tooLarge }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw Failure(problem: LineReader.describe(errno)) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var capacity = min(max(Int(status.st_size), 1 << 16), limit)
    bytes.reserveCapacity(capacity)
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw Failure(problem: LineReader.describe(errno))
      }
      if count == 0 {
        if bytes.count < expectedPrefix.count && !expectedPrefix.starts(with: bytes) {
          throw Failure(problem: "wrong prefix", wrongPrefix: true)
        }
        return bytes
      }
      guard count <= limit - bytes.count else { throw tooLarge }
      if bytes.count + count > capacity {
        capacity = min(capacity * 2, limit)
        bytes.reserveCapacity(capacity)
      }
      let checked = bytes.count < expectedPrefix.count
      let headUnchecked = headCheck.map { bytes.count < $0.length } ?? false
      bytes.append(contentsOf: chunk[0..<count])
      if checked && bytes.count >= expectedPrefix.count && !bytes.starts(with: expectedPrefix) {
        throw Failure(problem: "wrong prefix", wrongPrefix: true)
      }
      if headUnchecked, let headCheck, bytes.count >= headCheck.length,
        let problem = headCheck.problem(Array(bytes[0..<headCheck.length]))
      {
        throw Failure(problem: problem, damagedHead: true)
      }
    }
  }
}
