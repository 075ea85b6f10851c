#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file or standard input one line at a time, with bounded memory.
///
/// Lines end at `\n`; a trailing `\r` is removed so CRLF files read like LF files. Memory stays
/// bounded by the longest line plus one read chunk, so a 10 MB document on one line works and a
/// multi-gigabyte corpus streams; a line longer than `maximumLineBytes` is an error. Bytes are handed out raw: decoding and validation happen in
/// the stage that knows what the bytes mean.
public final class LineReader {
  /// The path shown in error messages (`<stdin>` for standard input).
  public let path: String
  /// The 1-based number of the line most recently returned.
  public private(set) var lineNumber = 0

  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private var buffer: UnsafeMutableRawPointer
  private var capacity: Int
  private var start = 0
  private var end = 0
  private var reachedEnd = false
  private let maximumLineBytes: Int

  /// The longest line a reader accepts by default: 32 MiB. A document of millions of words
  /// fits; `/dev/zero` or a stream without line breaks stops here instead of taking all memory.
  public static let defaultMaximumLineBytes = 1 << 25

  /// Opens `path` for reading.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - chunkSize: The bytes asked of each `read`.
  ///   - maximumLineBytes: The longest line accepted; a longer one is an error.
  /// - Throws: `LineReaderError` when the file is missing, unreadable or a directory.
  public init(
    path: String, chunkSize: Int = 1 << 16,
    maximumLineBytes: Int = LineReader.defaultMaximumLineBytes
  ) throws(LineReaderError) {
    var status = stat()
    if stat(path, &status) != 0 {
      throw LineReaderError(path: path, problem: Self.describe(errno))
    }
    if (status.st_mode & S_IFMT) == S_IFDIR {
      throw LineReaderError(path: path, problem: "is a directory, not a file")
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    if descriptor < 0 { throw LineReaderError(path: path, problem: Self.describe(errno)) }
    self.path = path
    self.descriptor = descriptor
    self.ownsDescriptor = true
    self.maximumLineBytes = max(maximumLineBytes, 1)
    self.capacity = max(min(chunkSize, maximumLineBytes + 2), 16)
    self.buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
  }

  /// Reads standard input.
  ///
  /// - Parameters:
  ///   - chunkSize: The bytes asked of each `read`.
  ///   - maximumLineBytes: The longest line accepted; a longer one is an error.
  public init(
    standardInputChunkSize chunkSize: Int = 1 << 16,
    maximumLineBytes: Int = LineReader.defaultMaximumLineBytes
  ) {
    self.path = "<stdin>"
    self.descriptor = 0
    self.ownsDescriptor = false
    self.maximumLineBytes = max(maximumLineBytes, 1)
    self.capacity = max(min(chunkSize, maximumLineBytes + 2), 16)
    self.buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
    buffer.deallocate()
  }

  /// Calls `body` with the next line's bytes (without the line ending), or returns `false` at
  /// the end of the input. The buffer is valid only inside `body`.
  ///
  /// - Throws: `LineReaderError` on a read failure, or whatever `body` throws.
  public func nextLine<Failure: Error>(
    _ body: (UnsafeRawBufferPointer) throws(Failure) -> Void
  ) throws -> Bool {
    var searchFrom = start
    while true {
      if let newline = findNewline(from: searchFrom) {
        var lineEnd = newline
        if lineEnd > start && buffer.load(fromByteOffset: lineEnd - 1, as: UInt8.self) == 13 {
          lineEnd -= 1
        }
        guard lineEnd - start <= maximumLineBytes else { throw tooLong() }
        let line = UnsafeRawBufferPointer(start: buffer + start, count: lineEnd - start)
        start = newline + 1
        lineNumber += 1
        try body(line)
        return true
      }
      if reachedEnd {
        if start == end { return false }
        var lineEnd = end
        if buffer.load(fromByteOffset: lineEnd - 1, as: UInt8.self) == 13 { lineEnd -= 1 }
        guard lineEnd - start <= maximumLineBytes else { throw tooLong() }
        let line = UnsafeRawBufferPointer(start: buffer + start, count: lineEnd - start)
        start = end
        lineNumber += 1
        try body(line)
        return true
      }
      searchFrom = end - start
      try refill()
    }
  }

  /// Calls `body` with the bytes already read ahead, reading the first chunk if nothing has
  /// been read yet, without consuming them; used to sniff a file's kind before its first
  /// line is parsed.
  ///
  /// - Throws: `LineReaderError` on a read failure.
  public func withBufferedBytes<Result>(
    _ body: (UnsafeRawBufferPointer) -> Result
  ) throws(LineReaderError) -> Result {
    if end == 0 && !reachedEnd { try refill() }
    return body(UnsafeRawBufferPointer(start: buffer + start, count: end - start))
  }

  private func findNewline(from index: Int) -> Int? {
    guard index < end else { return nil }
    guard let found = memchr(buffer + index, 10, end - index) else { return nil }
    return buffer.distance(to: found)
  }

  /// Moves the unread tail to the front, grows the buffer when one line fills it, and reads.
  private func refill() throws(LineReaderError) {
    if start > 0 {
      if end > start { memmove(buffer, buffer + start, end - start) }
      end -= start
      start = 0
    }
    if end == capacity {
      // The buffer holds one unfinished line; room for the limit plus `\r\n` is enough.
      guard capacity < maximumLineBytes + 2 else { throw tooLong() }
      let grownCapacity = min(capacity * 2, maximumLineBytes + 2)
      let grown = UnsafeMutableRawPointer.allocate(byteCount: grownCapacity, alignment: 16)
      grown.copyMemory(from: buffer, byteCount: end)
      buffer.deallocate()
      buffer = grown
      capacity = grownCapacity
    }
    while true {
      let count = read(descriptor, buffer + end, capacity - end)
      if count > 0 {
        end += count
        return
      }
      if count == 0 {
        reachedEnd = true
        return
      }
      if errno == EINTR { continue }
      throw LineReaderError(path: path, problem: Self.describe(errno))
    }
  }

  private func tooLong() -> LineReaderError {
    LineReaderError(
      path: path,
      problem: "line \(lineNumber + 1) is longer than \(Self.describe(bytes: maximumLineBytes)),"
        + " the longest line mtl reads (no line break found; is this a text file?)")
  }

  /// A byte count in the largest whole unit: "32 MiB", "64 KiB", "100 bytes".
  static func describe(bytes: Int) -> String {
    if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
    if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
    return "\(bytes) bytes"
  }

  static func describe(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "no such file"
    case EACCES: return "permission denied"
    case ELOOP: return "too many levels of symbolic links (a link loop)"
    case ENOTDIR: return "a component of the path is not a folder"
    case EISDIR: return "is a directory, not a file"
    default: return String(cString: strerror(code))
    }
  }
}

/// A file that could not be opened or read.
public struct LineReaderError: Error, CustomStringConvertible, Equatable {
  /// The file's path.
  public var path: String
  /// What went wrong, in plain words.
  public var problem: String

  /// A one-line message for a terminal: the path, then the problem.
  public var description: String { "\(path): \(problem)" }
}
