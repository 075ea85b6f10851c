/// The 32-bit FNV-1a hash of a byte sequence.
///
/// Features are hashed with FNV-1a rather than Swift's `Hasher` because `Hasher` is seeded
/// randomly per process: a model trained in one run must rebuild exactly the same feature ids
/// when it predicts in another. FNV-1a is tiny, fast on short keys such as words, and its
/// output is fixed forever by two constants.
///
/// Bytes are mixed as unsigned values. fastText mixes them as sign-extended `int8_t`, so the
/// two agree on ASCII text and differ on anything else.
///
/// ```swift
/// FNV1a.hash("foobar")  // 0xbf9cf968
/// var hasher = FNV1a()
/// hasher.combine(contentsOf: "foo".utf8)
/// hasher.combine(contentsOf: "bar".utf8)
/// hasher.value          // 0xbf9cf968
/// ```
public struct FNV1a: Sendable, Hashable {
  /// The state before any byte is mixed in; also the hash of the empty sequence.
  public static let offsetBasis: UInt32 = 2_166_136_261
  /// The multiplier applied after each byte.
  public static let prime: UInt32 = 16_777_619

  /// The hash of the bytes combined so far.
  public private(set) var value: UInt32

  /// Starts a hash of the empty sequence, to be extended with `combine`.
  public init() {
    value = Self.offsetBasis
  }

  /// Mixes one more byte into the hash.
  public mutating func combine(_ byte: UInt8) {
    value = (value ^ UInt32(byte)) &* Self.prime
  }

  /// Mixes the bytes of a raw buffer into the hash, in order.
  public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
    for byte in bytes { combine(byte) }
  }

  /// Mixes a sequence of bytes (an array, a slice, a string's `utf8` view) into the hash.
  public mutating func combine(contentsOf bytes: some Sequence<UInt8>) {
    for byte in bytes { combine(byte) }
  }

  /// Returns the hash of the bytes in a raw buffer.
  public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    var hasher = FNV1a()
    hasher.combine(bytes)
    return hasher.value
  }

  /// Returns the hash of a byte array.
  public static func hash(_ bytes: [UInt8]) -> UInt32 {
    var hasher = FNV1a()
    hasher.combine(contentsOf: bytes)
    return hasher.value
  }

  /// Returns the hash of a string's UTF-8 encoding; no normalization is applied.
  public static func hash(_ string: some StringProtocol) -> UInt32 {
    var hasher = FNV1a()
    hasher.combine(contentsOf: string.utf8)
    return hasher.value
  }
}
