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
  let base: UnsafeMutablePointer<Float>
  let count: Int

  /// Takes ownership of `base`, which must come from `malloc` or `calloc`.
  init(adopting base: UnsafeMutablePointer<Float>, count: Int) {
    self.base = base
    self.count = count
  }

  /// Allocates `count` floats for the caller to fill through ``base``.
  convenience init(uninitializedCount count: Int) {
    let memory = malloc(max(1, count) * MemoryLayout<Float>.stride)!
    self.init(adopting: memory.bindMemory(to: Float.self, capacity: max(1, count)), count: count)
  }

  /// Copies `values`.
  convenience init(_ values: [Float]) {
    let memory = malloc(max(1, values.count) * MemoryLayout<Float>.stride)!
    let base = memory.bindMemory(to: Float.self, capacity: max(1, values.count))
    values.withUnsafeBufferPointer { base.update(from: $0.baseAddress!, count: values.count) }
    self.init(adopting: base, count: values.count)
  }

  deinit { free(base) }

  var buffer: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: base, count: count) }
}
