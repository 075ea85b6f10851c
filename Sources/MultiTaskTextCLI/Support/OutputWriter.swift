#if canImport(Glibc)
  import Glibc
#endif

/// Thrown when standard output's reader went away (EPIPE); the command ends quietly.
struct OutputClosed: Error {}

/// A buffered writer to a file descriptor that never allocates per write.
///
/// `print` formats through `String` and flushes per line when piped; writing millions of tokens
/// needs a plain byte buffer flushed in large blocks.
final class OutputWriter {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private let flushThreshold: Int

  init(descriptor: Int32 = 1, flushThreshold: Int = 1 << 16) {
    self.descriptor = descriptor
    self.flushThreshold = flushThreshold
    buffer.reserveCapacity(flushThreshold + 1024)
  }

  func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= flushThreshold { try flush() }
  }

  func write(_ byte: UInt8) throws {
    buffer.append(byte)
    if buffer.count >= flushThreshold { try flush() }
  }

  func write(_ text: StaticString) throws {
    try write(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= flushThreshold { try flush() }
  }

  /// Writes `bytes` as the inside of a JSON string, escaping quotes, backslashes and controls.
  func writeJSONEscaped(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\\")); buffer.append(byte)
      case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\")); buffer.append(byte)
      case UInt8(ascii: "\n"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "n"))
      case UInt8(ascii: "\t"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "t"))
      case UInt8(ascii: "\r"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "r"))
      case 0..<0x20:
        buffer.append(contentsOf: Array("\\u00".utf8))
        buffer.append(hex[Int(byte >> 4)])
        buffer.append(hex[Int(byte & 15)])
      default: buffer.append(byte)
      }
    }
    if buffer.count >= flushThreshold { try flush() }
  }

  /// Writes out everything buffered, retrying after signals, and empties the buffer even
  /// when writing fails, so a failed write is never repeated.
  ///
  /// - Throws: `OutputClosed` when the reader went away, or `CommandFailure` naming standard
  ///   output and the system's reason for any other failure (`/dev/full`: no space left).
  func flush() throws {
    defer { buffer.removeAll(keepingCapacity: true) }
    try buffer.withUnsafeBytes { bytes in
      // Only an empty buffer may have no base address, and then there is nothing to write.
      guard let start = bytes.baseAddress else { return }
      var offset = 0
      while offset < bytes.count {
        let written = Glibc.write(descriptor, start + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          if errno == EPIPE { throw OutputClosed() }
          let reason = String(cString: strerror(errno))
          throw CommandFailure(
            descriptor == 1
              ? "cannot write to standard output: \(reason)"
              : "cannot write to file descriptor \(descriptor): \(reason)")
        }
        offset += written
      }
    }
  }
}

extension OutputWriter {
  /// Writes a command's closing summary (`train`, `pipeline`, `compare`, `tune`, `eval
  /// --output`) to standard output, reporting a failed write.
  ///
  /// `print` goes through stdio, which buffers the text and drops a failed write at exit
  /// without a word, so `mtl pipeline cfg.yaml > /dev/full` would exit 0 with nothing shown.
  /// The summary comes after the files are committed, so a failure here leaves them written.
  ///
  /// - Throws: `OutputClosed` when the reader went away (the command ends quietly, as
  ///   `predict` does), or `CommandFailure` naming standard output for any other failure.
  static func writeSummary(_ text: String) throws {
    let writer = OutputWriter(descriptor: 1)
    try writer.write(text)
    do { try writer.flush() } catch let failure as CommandFailure {
      throw CommandFailure(
        "\(failure.description) (the summary was lost; the files were written)")
    }
  }
}
