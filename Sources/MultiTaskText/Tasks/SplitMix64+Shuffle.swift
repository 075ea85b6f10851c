extension SplitMix64 {
  /// Shuffles `values` in place: Fisher–Yates from the last position down, drawing
  /// `next() % (index + 1)` for each.
  ///
  /// Spelled out here, rather than taken from the standard library's `shuffle(using:)`, so
  /// that the order drawn from a seed cannot change with the standard library: every
  /// shuffle a model depends on (the epochs' document and shard orders, the held-out dev
  /// documents, head retraining) goes through this one.
  public mutating func shuffle<Element>(_ values: inout [Element]) {
    guard values.count > 1 else { return }
    for index in stride(from: values.count - 1, to: 0, by: -1) {
      values.swapAt(index, Int(next() % UInt64(index + 1)))
    }
  }
}
