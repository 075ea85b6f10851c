/// One result slot per slice of parallel work, written by the thread that computed it and read
/// once every slice is done.
///
/// Each slot is written by exactly one iteration of `DispatchQueue.concurrentPerform`, which
/// returns only after every iteration, so no two threads touch one slot and the reads that
/// follow see every write; that is why the class may be `@unchecked Sendable`.
final class SliceSlots<Value>: @unchecked Sendable {
  /// Fixed storage, so that writing one slot never touches another (an array would check
  /// its uniqueness, and could copy, on every write).
  private let slots: UnsafeMutableBufferPointer<Value?>

  /// Empty slots for `count` slices.
  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  /// Stores slice `index`'s result.
  func store(_ value: Value, at index: Int) { slots[index] = value }

  /// Slice `index`'s result, if it was stored.
  func value(at index: Int) -> Value? { slots[index] }

  /// The stored results in slice order.
  var values: [Value] { slots.compactMap { $0 } }
}
