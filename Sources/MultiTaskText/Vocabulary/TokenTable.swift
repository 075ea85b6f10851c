#if canImport(Glibc)
  import Glibc
#endif

/// A hash table from token bytes to dense ids, with every token's bytes in one arena.
///
/// Looking a token up takes its UTF-8 bytes and FNV-1a hash and allocates nothing, so the
/// training and prediction loops never build a `String` per token. Ids are dense and follow
/// insertion order. Open addressing with linear probing keeps the table two arrays wide.
struct TokenTable: Sendable, Equatable {
  private(set) var utf8: [UInt8] = []
  private(set) var ends: [Int] = []
  private(set) var hashes: [UInt32] = []
  private var slots: [Int32] = Array(repeating: -1, count: 16)

  var count: Int { ends.count }

  /// The byte range of token `id` in the arena.
  func range(of id: Int) -> Range<Int> { (id == 0 ? 0 : ends[id - 1])..<ends[id] }

  /// Calls `body` with the bytes of token `id`.
  func withUTF8<Result>(of id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    let range = range(of: id)
    return utf8.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// The text of token `id`.
  func string(of id: Int) -> String {
    String(decoding: utf8[range(of: id)], as: UTF8.self)
  }

  /// The id of the token with these bytes, or nil.
  func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
    let slot = probe(bytes, hash: hash)
    let id = slots[slot]
    return id < 0 ? nil : Int(id)
  }

  /// Returns the id of the token with these bytes, adding it when it is new.
  mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
    let slot = probe(bytes, hash: hash)
    if slots[slot] >= 0 { return Int(slots[slot]) }
    let id = ends.count
    utf8.append(contentsOf: bytes)
    ends.append(utf8.count)
    hashes.append(hash)
    slots[slot] = Int32(id)
    if ends.count * 2 > slots.count { grow() }
    return id
  }

  private func probe(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    while true {
      let id = Int(slots[slot])
      if id < 0 { return slot }
      if hashes[id] == hash && equals(id, bytes) { return slot }
      slot = (slot + 1) & mask
    }
  }

  private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let range = range(of: id)
    guard range.count == bytes.count else { return false }
    if bytes.isEmpty { return true }
    return utf8.withUnsafeBufferPointer { arena in
      // Both buffers hold `bytes.count > 0` bytes here, so both have a base address.
      guard let arenaStart = arena.baseAddress, let start = bytes.baseAddress else { return false }
      return memcmp(arenaStart + range.lowerBound, start, bytes.count) == 0
    }
  }

  private mutating func grow() {
    var larger = [Int32](repeating: -1, count: slots.count * 2)
    let mask = larger.count - 1
    for id in 0..<ends.count {
      var slot = Int(hashes[id]) & mask
      while larger[slot] >= 0 { slot = (slot + 1) & mask }
      larger[slot] = Int32(id)
    }
    slots = larger
  }
}
