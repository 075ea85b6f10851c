/// AdaGrad's accumulators: for every trained row, the running sum of its gradients' mean
/// squares.
///
/// One float per row rather than per element: a row's elements share the document they
/// learn from, and one accumulator keeps the memory at `rows × 4` bytes. Allocated only when
/// the optimizer is `adagrad`, and like the other parameters shared by the workers.
final class AdaptiveRates {
  /// The value every accumulator starts from, which bounds the first steps at
  /// `learningRate × |gradient| / √initial` instead of a full normalized step.
  static let initialValue: Float = 1e-6

  let embeddingSquares: UnsafeMutablePointer<Float>
  let headSquares: [UnsafeMutablePointer<Float>]
  let privateSquares: [UnsafeMutablePointer<Float>]
  private let counts: (embeddings: Int, heads: [Int], privateRows: Int)

  /// Allocates accumulators for `embeddingRows` packed rows, each head's labels and each
  /// private table's rows.
  init(embeddingRows: Int, labelCounts: [Int], privateRows: Int, privateTables: Int) {
    func filled(_ count: Int) -> UnsafeMutablePointer<Float> {
      let pointer = UnsafeMutablePointer<Float>.allocate(capacity: max(1, count))
      pointer.initialize(repeating: Self.initialValue, count: max(1, count))
      return pointer
    }
    counts = (embeddingRows, labelCounts, privateRows)
    embeddingSquares = filled(embeddingRows)
    headSquares = labelCounts.map(filled)
    privateSquares = (0..<privateTables).map { _ in filled(privateRows) }
  }

  deinit {
    embeddingSquares.deallocate()
    for pointer in headSquares + privateSquares { pointer.deallocate() }
  }

  /// Raw views for the workers.
  var pointers: AdaptiveRatePointers {
    AdaptiveRatePointers(
      embeddings: embeddingSquares, heads: headSquares, privateRows: privateSquares)
  }
}

/// The accumulators as raw pointers, for ``SharedParameters``.
struct AdaptiveRatePointers: @unchecked Sendable {
  let embeddings: UnsafeMutablePointer<Float>
  let heads: [UnsafeMutablePointer<Float>]
  let privateRows: [UnsafeMutablePointer<Float>]
}
