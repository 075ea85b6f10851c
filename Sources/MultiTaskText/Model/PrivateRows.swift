/// Which row of a task's private table a feature uses, in a shared-private encoder.
///
/// A private table has far fewer rows than there are features, so features share rows. A
/// multiplicative (Fibonacci) hash of the feature id spreads them over the rows instead of
/// letting the low ids, which are the frequent words, crowd the first ones. Training and
/// prediction must agree on this mapping exactly, which is why it lives here, once.
enum PrivateRows {
  /// The private row of feature `id` in a table of `buckets` rows.
  ///
  /// - Precondition: `buckets > 0`.
  @inline(__always)
  static func row(of id: Int32, buckets: Int) -> Int {
    Int((UInt64(UInt32(bitPattern: id)) &* 0x9E37_79B9_7F4A_7C15) >> 33) % buckets
  }
}
