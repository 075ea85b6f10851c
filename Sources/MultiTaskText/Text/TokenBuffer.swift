/// Memory a ``TextPipeline`` writes a document's tokens to before copying them into the result
/// at once.
///
/// Appending to the result's array token by token checks the array's uniqueness through a call
/// into the runtime each time; on English text that was a visible share of tokenizing. Plain
/// memory needs only a capacity check. A struct, not a class, so that the pipeline can move it
/// into a local for the document (run-time exclusivity checks apply to a class's stored
/// properties); the pipeline frees it when it goes.
struct TokenBuffer {
  private var base: UnsafeMutablePointer<Token>
  private var capacity: Int
  private var count = 0

  /// Allocates room for `capacity` tokens, which grows as needed.
  init(capacity: Int = 256) {
    self.capacity = max(capacity, 1)
    base = .allocate(capacity: self.capacity)
  }

  /// Frees the memory. The buffer must not be used afterwards.
  func deallocate() { base.deallocate() }

  /// Forgets the tokens, keeping the memory.
  mutating func removeAll() { count = 0 }

  /// Appends `token`, doubling the memory when it is full.
  mutating func append(_ token: Token) {
    if count == capacity {
      let larger = UnsafeMutablePointer<Token>.allocate(capacity: 2 * capacity)
      larger.moveInitialize(from: base, count: count)
      base.deallocate()
      base = larger
      capacity *= 2
    }
    (base + count).initialize(to: token)
    count += 1
  }

  /// The tokens appended since the last ``removeAll()``, valid until the next change.
  var tokens: UnsafeBufferPointer<Token> { UnsafeBufferPointer(start: base, count: count) }
}
