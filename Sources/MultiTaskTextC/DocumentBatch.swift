/// The documents of one call, as the header lays them out: one byte buffer and `count + 1`
/// offsets into it, so a host passes a whole batch in two pointers and no per-document
/// allocation.
struct DocumentBatch {
  private let base: UnsafeRawPointer?
  private let offsets: UnsafeBufferPointer<UInt64>
  /// The number of documents.
  let count: Int

  /// Checks the pointers and that the offsets never decrease, so every document is a valid
  /// range of the buffer.
  init(
    texts: UnsafePointer<CChar>?, offsets: UnsafePointer<UInt64>?, count: UInt64
  ) throws(CFailure) {
    guard count < UInt64(Int.max) else { throw .invalidArgument("too many documents: \(count)") }
    guard let offsets else { throw .invalidArgument("offsets must not be NULL") }
    let buffer = UnsafeBufferPointer(start: offsets, count: Int(count) + 1)
    for index in 0..<Int(count) where buffer[index] > buffer[index + 1] {
      throw .invalidArgument("offsets[\(index + 1)] is smaller than offsets[\(index)]")
    }
    // Offsets never decrease, so the last is the largest; one past Int.max would trap when
    // turned into a position.
    guard buffer[Int(count)] <= UInt64(Int.max) else {
      throw .invalidArgument(
        "offsets[\(count)] is \(buffer[Int(count)]), past the largest offset \(Int.max)")
    }
    if texts == nil && buffer[Int(count)] > buffer[0] {
      throw .invalidArgument("texts must not be NULL")
    }
    base = texts.map { UnsafeRawPointer($0) }
    self.offsets = buffer
    self.count = Int(count)
  }

  /// The UTF-8 bytes of document `index`.
  func document(_ index: Int) -> UnsafeRawBufferPointer {
    let start = Int(offsets[index])
    let length = Int(offsets[index + 1]) - start
    guard let base, length > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
    return UnsafeRawBufferPointer(start: base + start, count: length)
  }
}
