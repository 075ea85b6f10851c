/// Reads little-endian values from a byte buffer, checking every read against the end.
///
/// A damaged or truncated file must produce an error that says where, never a crash or a
/// huge allocation: each read checks the bytes left before touching them, and counts read
/// from the file (array lengths, string lengths) are checked against the bytes left before
/// anything is allocated.
public struct BinaryReader: Sendable {
  /// The file the bytes came from, for error messages.
  public let path: String
  /// The whole buffer.
  public let bytes: [UInt8]
  /// The offset of the next byte to read.
  public private(set) var offset: Int = 0
  /// The offset where reading stops: the buffer's end, or a section's.
  public let end: Int

  /// Starts reading `bytes` from the beginning.
  ///
  /// - Parameters:
  ///   - bytes: The whole file or buffer.
  ///   - path: Names the source in errors, such as `model.mtl`.
  public init(bytes: [UInt8], path: String) {
    self.bytes = bytes
    self.path = path
    end = bytes.count
  }

  /// Reads only `range` of `bytes`, such as one section of a file, without copying it;
  /// offsets in errors stay offsets in the whole buffer.
  public init(bytes: [UInt8], range: Range<Int>, path: String) {
    precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range in bounds")
    self.bytes = bytes
    self.path = path
    offset = range.lowerBound
    end = range.upperBound
  }

  /// The number of bytes not yet read.
  public var remaining: Int { end - offset }

  /// Whether every byte has been read.
  public var isAtEnd: Bool { offset == end }

  /// Reads one byte.
  public mutating func readUInt8() throws(PersistenceError) -> UInt8 {
    try require(1)
    defer { offset += 1 }
    return bytes[offset]
  }

  /// Reads a little-endian 32-bit unsigned integer.
  public mutating func readUInt32() throws(PersistenceError) -> UInt32 {
    try require(4)
    defer { offset += 4 }
    return uncheckedUInt32(at: offset)
  }

  /// Reads a little-endian 64-bit unsigned integer.
  public mutating func readUInt64() throws(PersistenceError) -> UInt64 {
    try require(8)
    defer { offset += 8 }
    let low = UInt64(uncheckedUInt32(at: offset))
    let high = UInt64(uncheckedUInt32(at: offset + 4))
    return low | high << 32
  }

  /// Reads `count` floats written one after another.
  public mutating func readFloats(count: Int) throws(PersistenceError) -> [Float] {
    try readWords(count: count) { Float(bitPattern: $0) }
  }

  /// Reads `count` 32-bit unsigned integers written one after another.
  public mutating func readUInt32s(count: Int) throws(PersistenceError) -> [UInt32] {
    try readWords(count: count) { $0 }
  }

  /// Reads `count` raw bytes.
  public mutating func readBytes(count: Int) throws(PersistenceError) -> [UInt8] {
    try require(count)
    defer { offset += count }
    return Array(bytes[offset..<(offset + count)])
  }

  /// Moves past `count` bytes, such as an unknown section.
  public mutating func skip(count: Int) throws(PersistenceError) {
    try require(count)
    offset += count
  }

  /// Throws unless `count` more bytes are available.
  func require(_ count: Int) throws(PersistenceError) {
    precondition(count >= 0, "cannot read a negative number of bytes")
    if count > remaining { throw .truncated(path: path, offset: offset, needed: count) }
  }

  func uncheckedUInt32(at position: Int) -> UInt32 {
    UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8
      | UInt32(bytes[position + 2]) << 16 | UInt32(bytes[position + 3]) << 24
  }

  mutating func readWords<Element>(
    count: Int, _ convert: (UInt32) -> Element
  ) throws(PersistenceError) -> [Element] {
    precondition(count >= 0, "cannot read a negative number of values")
    let (byteCount, overflow) = count.multipliedReportingOverflow(by: 4)
    try require(overflow ? Int.max : byteCount)
    var values: [Element] = []
    values.reserveCapacity(count)
    for index in 0..<count { values.append(convert(uncheckedUInt32(at: offset + 4 * index))) }
    offset += byteCount
    return values
  }
}
