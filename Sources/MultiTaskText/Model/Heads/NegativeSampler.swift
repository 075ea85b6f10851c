/// Draws the negatives of a sampled-softmax step: label `l` with probability proportional to
/// `√count(l)` (fastText's choice), never the true label.
///
/// The square root draws rare labels more often than their share, so that they are pushed
/// down at all, and frequent labels less. Draws come from the caller's generator (in training,
/// the worker's own seeded `SplitMix64` negatives stream), so one thread trains the same model
/// from the same seed.
struct NegativeSampler: Sendable {
  /// Cumulative weights: label `l` is drawn when a uniform value lands in
  /// `[cumulative[l − 1], cumulative[l])`.
  private let cumulative: [Double]

  /// Prepares draws for labels with these training counts; a label never seen is drawn as
  /// if seen once, so that it is pushed down too.
  init(counts: [Int]) {
    var total = 0.0
    cumulative = counts.map { count in
      total += Double(max(1, count)).squareRoot()
      return total
    }
  }

  /// A label other than `target`, or `target` itself when it is the only label.
  @inline(__always)
  func draw<Generator: RandomNumberGenerator>(
    excluding target: Int, using generator: inout Generator
  ) -> Int {
    guard cumulative.count > 1, let total = cumulative.last else { return target }
    while true {
      let value = Double(generator.next() >> 11) * 0x1p-53 * total
      var low = 0
      var high = cumulative.count - 1
      while low < high {
        let middle = (low + high) / 2
        if cumulative[middle] <= value { low = middle + 1 } else { high = middle }
      }
      if low != target { return low }
    }
  }
}
