/// A manually allocated array of plain values whose address stays put until it grows: a
/// shard hands its buffers to a worker as raw pointers for a whole round, and reuses them in
/// the next round without allocating again.
final class GrowableBuffer<Element: BitwiseCopyable> {
  /// The first element; valid until the next ``append(_:)`` or ``resize(to:)`` that grows.
  private(set) var pointer: UnsafeMutablePointer<Element>
  /// The elements in use.
  private(set) var count = 0
  private var capacity: Int

  /// An empty buffer with room for `capacity` elements.
  init(capacity: Int = 64) {
    self.capacity = max(1, capacity)
    pointer = .allocate(capacity: self.capacity)
  }

  deinit { pointer.deallocate() }

  /// Forgets every element, keeping the memory.
  func removeAll() { count = 0 }

  /// Adds `value` at the end.
  @inline(__always)
  func append(_ value: Element) {
    if count == capacity { grow(to: capacity * 2) }
    pointer[count] = value
    count += 1
  }

  /// Makes the buffer `newCount` long; elements past the old count hold whatever the memory
  /// held, so the caller writes them before reading.
  func resize(to newCount: Int) {
    if newCount > capacity { grow(to: max(newCount, capacity * 2)) }
    count = newCount
  }

  /// Element `index`, which must be below ``count``.
  @inline(__always)
  subscript(index: Int) -> Element {
    get { pointer[index] }
    set { pointer[index] = newValue }
  }

  private func grow(to newCapacity: Int) {
    let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
    grown.update(from: pointer, count: count)
    pointer.deallocate()
    pointer = grown
    capacity = newCapacity
  }
}
