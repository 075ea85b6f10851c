/// The words a model knows, in id order, with their training counts.
///
/// Ids follow count descending, then token bytes ascending, so the same corpus always gives
/// the same vocabulary. Lookup takes UTF-8 bytes and their FNV-1a hash and allocates nothing.
public struct Vocabulary: Sendable, Equatable {
  var table: TokenTable
  /// Each token's count in the training corpora, by id.
  public private(set) var counts: [Int]

  /// Creates a vocabulary holding `tokens` in the given order.
  ///
  /// - Precondition: tokens are distinct and `counts` has one entry per token.
  public init(tokens: [String], counts: [Int]) {
    precondition(tokens.count == counts.count, "one count per token")
    var table = TokenTable()
    for token in tokens {
      var bytes = Array(token.utf8)
      let hash = FNV1a.hash(bytes)
      let id = bytes.withUnsafeMutableBufferPointer {
        table.insert(UnsafeBufferPointer($0), hash: hash)
      }
      precondition(id == table.count - 1, "duplicate token \(token)")
    }
    self.table = table
    self.counts = counts
  }

  init(table: TokenTable, counts: [Int]) {
    self.table = table
    self.counts = counts
  }

  /// The number of tokens.
  public var count: Int { table.count }

  /// The id of the token with these UTF-8 bytes and FNV-1a hash, or `.outOfVocabulary`.
  public func id(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> TokenID {
    guard let id = table.find(bytes, hash: hash) else { return .outOfVocabulary }
    return TokenID(Int32(id))
  }

  /// The id of `token`, or `.outOfVocabulary`.
  public func id(of token: String) -> TokenID {
    var bytes = Array(token.utf8)
    let hash = FNV1a.hash(bytes)
    return bytes.withUnsafeMutableBufferPointer { id(of: UnsafeBufferPointer($0), hash: hash) }
  }

  /// The text of the token with `id`.
  public func token(_ id: TokenID) -> String { table.string(of: Int(id.rawValue)) }

  /// All tokens in id order.
  public var tokens: [String] { (0..<count).map { table.string(of: $0) } }

  /// Calls `body` with the UTF-8 bytes of the token with `id`.
  public func withUTF8<Result>(
    of id: TokenID, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    table.withUTF8(of: Int(id.rawValue), body)
  }
}
