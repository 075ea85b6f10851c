#if canImport(Glibc)
  import Glibc
#endif

/// A block of floats owned by one object and freed with it: the storage behind an
/// ``EmbeddingTable``.
///
/// A trained table is handed over from the trainer's zero-filled, lazily mapped memory without
/// a copy, which for a large bucket table saves hundreds of megabytes at the end of training.
/// The contents never change after construction, which is why sharing it is safe.
final class FloatStorage: @unchecked Sendable {
  /// Which allocator the memory came from, and so how `deinit` gives it back.
  enum Ownership {
    /// From `malloc` or `calloc`; released with `free`.
    case malloc
    /// From `UnsafeMutablePointer.allocate(capacity:)`; released with `deallocate()`.
    case swift
  }

  let base: UnsafeMutablePointer<Float>
  let count: Int
  /// How ``base`` is released.
  let ownership: Ownership

  /// Takes ownership of `base`, which must come from `malloc` or `calloc`.
  init(adopting base: UnsafeMutablePointer<Float>, count: Int) {
    self.base = base
    self.count = count
    ownership = .malloc
  }

  /// Allocates `count` floats, uninitialized, for the caller to fill through ``base``.
  ///
  /// Like any Swift allocation, this traps if the system is out of memory.
  init(uninitializedCount count: Int) {
    base = UnsafeMutablePointer<Float>.allocate(capacity: max(1, count))
    self.count = count
    ownership = .swift
  }

  /// Copies `values`.
  convenience init(_ values: [Float]) {
    self.init(uninitializedCount: values.count)
    let base = base
    values.withUnsafeBufferPointer { buffer in
      if let source = buffer.baseAddress { base.initialize(from: source, count: buffer.count) }
    }
  }

  deinit {
    switch ownership {
    case .malloc: free(base)
    case .swift: base.deallocate()
    }
  }

  var buffer: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: base, count: count) }
}
