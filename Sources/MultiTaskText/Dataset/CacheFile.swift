#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A temporary file of 32-bit words that exists only while it is open: appended to through a
/// buffer, read back at any offset.
///
/// The file is created in the cache directory and unlinked at once, so the kernel frees its
/// blocks when the descriptor closes: on `deinit`, on an error, on Ctrl-C, and even when the
/// process is killed. No cleanup code can be skipped and no stale cache can be left behind,
/// which a named file removed in a signal handler could not promise.
///
/// Words are written in the machine's byte order: the file never outlives the process that
/// wrote it, so it needs no portable layout.
final class CacheFile {
  private let descriptor: Int32
  /// The directory the file was created in, for error messages.
  let directory: String
  /// Words written but not yet handed to the kernel.
  private var pending: [Int32] = []
  /// Words per write: 64 KiB, large enough that a write costs little per word and small
  /// enough that a cache of hundreds of shards keeps its buffers in a few megabytes.
  private static let bufferWords = 16_384
  /// The words written so far, pending ones included.
  private(set) var wordCount = 0

  /// Creates an empty file in `directory`.
  ///
  /// - Throws: ``TrainingError/cache(directory:problem:)`` when the file cannot be created.
  init(directory: String) throws(TrainingError) {
    var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString)
    template.removeLast()
    template.append(contentsOf: Array("mtl-cache-XXXXXX".utf8CString))
    let opened = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard opened >= 0 else {
      throw .cache(
        directory: directory, problem: Self.describe(errno, doing: "cannot create a file"))
    }
    let path = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    unlink(path)
    _ = fcntl(opened, F_SETFD, FD_CLOEXEC)
    descriptor = opened
    self.directory = directory
    pending.reserveCapacity(Self.bufferWords)
  }

  deinit { close(descriptor) }

  /// Appends one word.
  func append(_ word: Int32) throws(TrainingError) {
    pending.append(word)
    wordCount += 1
    if pending.count >= Self.bufferWords { try flush() }
  }

  /// Appends words.
  func append(contentsOf words: UnsafeBufferPointer<Int32>) throws(TrainingError) {
    if pending.count + words.count > Self.bufferWords { try flush() }
    if words.count >= Self.bufferWords {
      try writeAll(UnsafeRawBufferPointer(words))
    } else {
      pending.append(contentsOf: words)
    }
    wordCount += words.count
  }

  /// Hands the buffered words to the kernel, so that reads see them.
  func flush() throws(TrainingError) {
    guard !pending.isEmpty else { return }
    var failure: TrainingError?
    pending.withUnsafeBytes { bytes in
      do throws(TrainingError) { try writeAll(bytes) } catch { failure = error }
    }
    pending.removeAll(keepingCapacity: true)
    if let failure { throw failure }
  }

  private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(TrainingError) {
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let written = write(descriptor, base + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw .cache(directory: directory, problem: Self.describe(errno, doing: "cannot write"))
      }
      offset += written
    }
  }

  /// Reads `count` words starting at word `start` into `buffer`, which must hold them; every
  /// word must have been flushed.
  func read(
    words count: Int, at start: Int, into buffer: UnsafeMutablePointer<Int32>
  ) throws(TrainingError) {
    let raw = UnsafeMutableRawPointer(buffer)
    let total = count * MemoryLayout<Int32>.stride
    var done = 0
    while done < total {
      let got = pread(
        descriptor, raw + done, total - done,
        off_t((start * MemoryLayout<Int32>.stride) + done))
      if got < 0 {
        if errno == EINTR { continue }
        throw .cache(directory: directory, problem: Self.describe(errno, doing: "cannot read"))
      }
      if got == 0 {
        throw .cache(directory: directory, problem: "the cache file ended early")
      }
      done += got
    }
  }

  private static func describe(_ code: Int32, doing action: String) -> String {
    "\(action) (\(String(cString: strerror(code))))"
  }
}
