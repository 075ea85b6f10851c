/// A document after normalization and tokenization: the normalized UTF-8 bytes and the tokens
/// that point into them.
///
/// Reuse one value across documents with ``TextPipeline/tokenize(_:into:)`` to keep the hot
/// path free of allocations; the arrays keep their capacity.
public struct TokenizedText: Sendable, Equatable {
  /// The normalized text, as UTF-8.
  public internal(set) var normalized: [UInt8] = []
  /// The tokens, in text order.
  public internal(set) var tokens: [Token] = []
  /// How many invalid UTF-8 bytes in the input were replaced by U+FFFD.
  public internal(set) var invalidByteCount = 0

  /// Creates an empty value, to be filled by ``TextPipeline/tokenize(_:into:)``.
  public init() {}

  /// Calls `body` with the UTF-8 bytes of `token`'s text: its placeholder, or its normalized
  /// text. The buffer is valid only inside `body`.
  @inlinable
  public func withUTF8<Result>(
    of token: Token, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    if token.isPlaceholder {
      let placeholder = Token.placeholder(for: token.kind)
      return try body(
        UnsafeBufferPointer(start: placeholder.utf8Start, count: placeholder.utf8CodeUnitCount))
    }
    return try normalized.withUnsafeBufferPointer { buffer in
      try body(UnsafeBufferPointer(rebasing: buffer[token.range]))
    }
  }

  /// The text of `token`. Convenient, but allocates: prefer ``withUTF8(of:_:)`` in loops.
  public func text(of token: Token) -> String {
    withUTF8(of: token) { String(decoding: $0, as: UTF8.self) }
  }

  /// The texts of all tokens. Convenient for tests and small inputs.
  public var texts: [String] { tokens.map { text(of: $0) } }

  mutating func reset() {
    normalized.removeAll(keepingCapacity: true)
    tokens.removeAll(keepingCapacity: true)
    invalidByteCount = 0
  }
}
