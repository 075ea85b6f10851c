#if canImport(Glibc)
  import Glibc
#endif

/// Reads little-endian values from a file through a small buffer, checking every read against
/// the file's length first.
///
/// A fastText `.bin` file can be gigabytes, of which a run needs the header, the dictionary
/// and a few rows of the matrix. Reading it whole, as ``BinaryReader`` does with model files,
/// would cost its full size in memory; this cursor reads forward through a 1 MiB buffer and
/// fetches rows by offset, so memory follows what is used. A read past the end throws
/// ``PretrainedVectorsError/binaryTruncated(path:offset:missing:)`` naming what was being read.
final class BinaryFileCursor {
  /// The file, for error messages.
  let path: String
  /// The file's length in bytes when it was opened.
  let length: Int
  /// The offset of the next byte to read.
  private(set) var offset = 0
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var bufferStart = 0
  static let bufferBytes = 1 << 20

  /// Opens `path` for reading.
  ///
  /// - Throws: ``PretrainedVectorsError/unreadable(path:problem:)`` when it cannot be opened.
  init(path: String) throws(PretrainedVectorsError) {
    self.path = path
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw .unreadable(path: path, problem: LineReader.describe(errno))
    }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let problem = LineReader.describe(errno)
      close(descriptor)
      throw .unreadable(path: path, problem: problem)
    }
    guard (status.st_mode & S_IFMT) == S_IFREG else {
      close(descriptor)
      throw .unreadable(path: path, problem: "is not a regular file")
    }
    self.descriptor = descriptor
    length = Int(status.st_size)
  }

  deinit { close(descriptor) }

  /// The bytes between the cursor and the end of the file.
  var remaining: Int { length - offset }

  /// Throws unless `count` more bytes exist, naming `what` as missing.
  func require(_ count: Int, for what: @autoclosure () -> String) throws(PretrainedVectorsError) {
    guard count >= 0, count <= remaining else {
      throw .binaryTruncated(path: path, offset: offset, missing: what())
    }
  }

  /// Reads the next `count` bytes (at most ``bufferBytes``).
  func bytes(_ count: Int, for what: @autoclosure () -> String) throws(PretrainedVectorsError)
    -> ArraySlice<UInt8>
  {
    precondition(count <= Self.bufferBytes, "a read larger than the buffer")
    try require(count, for: what())
    if offset < bufferStart || offset + count > bufferStart + buffer.count {
      try fill(from: offset, count: min(Self.bufferBytes, length - offset))
    }
    let start = offset - bufferStart
    offset += count
    return buffer[start..<(start + count)]
  }

  /// Reads a little-endian 32-bit signed integer.
  func int32(_ what: @autoclosure () -> String) throws(PretrainedVectorsError) -> Int32 {
    Int32(bitPattern: UInt32(truncatingIfNeeded: Self.littleEndian(try bytes(4, for: what()))))
  }

  /// Reads a little-endian 64-bit signed integer.
  func int64(_ what: @autoclosure () -> String) throws(PretrainedVectorsError) -> Int64 {
    Int64(bitPattern: Self.littleEndian(try bytes(8, for: what())))
  }

  /// Reads one byte.
  func uint8(_ what: @autoclosure () -> String) throws(PretrainedVectorsError) -> UInt8 {
    try bytes(1, for: what()).first ?? 0
  }

  /// Reads bytes up to a zero byte, which is consumed and not returned.
  ///
  /// - Throws: ``PretrainedVectorsError/binaryTruncated(path:offset:missing:)`` when the
  ///   file ends first, or ``PretrainedVectorsError/binaryMalformed(path:offset:problem:)``
  ///   when no zero byte comes within `longest` bytes.
  func zeroTerminated(longest: Int, _ what: @autoclosure () -> String)
    throws(PretrainedVectorsError) -> [UInt8]
  {
    let start = offset
    var result: [UInt8] = []
    while true {
      let byte = try uint8(what())
      if byte == 0 { return result }
      result.append(byte)
      if result.count > longest {
        throw .binaryMalformed(
          path: path, offset: start,
          problem: "\(what()) runs past \(longest) bytes without its terminating zero byte")
      }
    }
  }

  /// Moves the cursor forward by `count` bytes, which must exist.
  func skip(_ count: Int, for what: @autoclosure () -> String) throws(PretrainedVectorsError) {
    try require(count, for: what())
    offset += count
  }

  /// Reads `count` little-endian floats at byte `position`, without moving the cursor.
  func floats(at position: Int, count: Int, into values: inout [Float])
    throws(PretrainedVectorsError)
  {
    let byteCount = count * MemoryLayout<Float>.stride
    guard position >= 0, position + byteCount <= length else {
      throw .binaryTruncated(path: path, offset: position, missing: "a matrix row")
    }
    values.removeAll(keepingCapacity: true)
    var raw = [UInt8](repeating: 0, count: byteCount)
    try readFully(into: &raw, at: position)
    for index in 0..<count {
      let base = index * 4
      let bits =
        UInt32(raw[base]) | UInt32(raw[base + 1]) << 8 | UInt32(raw[base + 2]) << 16
        | UInt32(raw[base + 3]) << 24
      values.append(Float(bitPattern: bits))
    }
  }

  private func fill(from position: Int, count: Int) throws(PretrainedVectorsError) {
    buffer = [UInt8](repeating: 0, count: count)
    bufferStart = position
    try readFully(into: &buffer, at: position)
  }

  private func readFully(into target: inout [UInt8], at position: Int)
    throws(PretrainedVectorsError)
  {
    var done = 0
    while done < target.count {
      let count = target.withUnsafeMutableBytes { raw in
        // Never nil: the loop runs only while bytes are missing, so the buffer is not empty.
        guard let base = raw.baseAddress else { return 0 }
        return pread(descriptor, base + done, raw.count - done, off_t(position + done))
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, problem: LineReader.describe(errno))
      }
      if count == 0 {
        throw .binaryTruncated(
          path: path, offset: position + done, missing: "bytes the file had when opened")
      }
      done += count
    }
  }

  private static func littleEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var value: UInt64 = 0
    for (shift, byte) in zip(stride(from: 0, to: 64, by: 8), bytes) {
      value |= UInt64(byte) << UInt64(shift)
    }
    return value
  }
}
