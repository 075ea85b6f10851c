import CMultiTaskText
import Glibc

/// Hands bytes to the host as a malloc'ed buffer, which `mtl_buffer_free` releases.
enum OutputBuffer {
  /// Copies `bytes` into a new buffer and stores it and its length; adds a NUL after the
  /// bytes (not counted) so a host may also read it as a C string.
  static func deliver(
    _ bytes: [UInt8], to out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    length: UnsafeMutablePointer<UInt64>?
  ) throws(CFailure) {
    guard let out else { throw .invalidArgument("out must not be NULL") }
    guard let raw = malloc(bytes.count + 1) else {
      throw CFailure(code: MTL_ERROR_OTHER, message: "out of memory for \(bytes.count) bytes")
    }
    let buffer = raw.assumingMemoryBound(to: CChar.self)
    bytes.withUnsafeBytes { source in
      if let base = source.baseAddress { memcpy(buffer, base, source.count) }
    }
    buffer[bytes.count] = 0
    out.pointee = buffer
    length?.pointee = UInt64(bytes.count)
  }
}
