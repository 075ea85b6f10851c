/// A tokenized document in the form the featurizer reads: per-token vocabulary ids, per-token
/// FNV-1a hashes, and every token's UTF-8 bytes laid end to end.
///
/// One value is meant to be reused across documents: `removeAll()` keeps the capacity, so
/// encoding a stream of documents allocates only while the buffers grow.
public struct EncodedDocument: Sendable, Equatable {
  /// Each token's vocabulary id, `TokenID.outOfVocabulary` for unknown words.
  public private(set) var tokenIDs: [TokenID] = []
  /// Each token's 32-bit FNV-1a hash over its UTF-8 bytes.
  public private(set) var tokenHashes: [UInt32] = []
  /// The UTF-8 bytes of all tokens, concatenated without separators.
  public private(set) var utf8: [UInt8] = []
  /// Where each token's bytes end in `utf8`; token `i` spans `tokenEnds[i-1]..<tokenEnds[i]`.
  public private(set) var tokenEnds: [Int] = []

  /// Creates an empty document.
  public init() {}

  /// The number of tokens.
  public var count: Int { tokenIDs.count }

  /// The byte range of token `index` within `utf8`.
  public func byteRange(ofToken index: Int) -> Range<Int> {
    (index == 0 ? 0 : tokenEnds[index - 1])..<tokenEnds[index]
  }

  /// Appends a token, hashing its bytes.
  ///
  /// - Parameters:
  ///   - id: The token's vocabulary id, or `.outOfVocabulary`.
  ///   - bytes: The token's UTF-8 encoding, for example `word.utf8`.
  public mutating func append(_ id: TokenID, utf8 bytes: some Sequence<UInt8>) {
    var hasher = FNV1a()
    for byte in bytes {
      hasher.combine(byte)
      utf8.append(byte)
    }
    tokenIDs.append(id)
    tokenHashes.append(hasher.value)
    tokenEnds.append(utf8.count)
  }

  /// Appends a token whose FNV-1a hash the caller already computed, to look it up.
  ///
  /// - Parameters:
  ///   - id: The token's vocabulary id, or `.outOfVocabulary`.
  ///   - bytes: The token's UTF-8 encoding.
  ///   - hash: `FNV1a.hash` of `bytes`.
  public mutating func append(_ id: TokenID, utf8 bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) {
    assert(hash == FNV1a.hash(UnsafeRawBufferPointer(bytes)), "hash does not match the bytes")
    utf8.append(contentsOf: bytes)
    tokenIDs.append(id)
    tokenHashes.append(hash)
    tokenEnds.append(utf8.count)
  }

  /// Forgets all tokens but keeps the buffers' capacity for the next document.
  public mutating func removeAll() {
    tokenIDs.removeAll(keepingCapacity: true)
    tokenHashes.removeAll(keepingCapacity: true)
    utf8.removeAll(keepingCapacity: true)
    tokenEnds.removeAll(keepingCapacity: true)
  }
}
