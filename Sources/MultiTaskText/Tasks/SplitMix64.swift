/// A small, fast, explicitly seeded random number generator (Steele, Lea and Flood's
/// SplitMix64), with independent streams derived from one seed.
///
/// Training must be reproducible from a single seed, yet the initial weights and the order of
/// documents must not share one sequence, or drawing one more task would change the initial
/// weights. Each consumer therefore asks for its own stream: the epoch schedule draws the
/// document order and the tasks from ``Stream/sampling``, and each embedding row draws its
/// initial values from stream `0x1000 + row` (see `EmbeddingStorage`), so a row's values do
/// not depend on which other rows a corpus uses:
///
/// ```swift
/// var order = SplitMix64(seed: 42, stream: .sampling)
/// var row = SplitMix64(seed: 42, stream: 0x1000 + 17)
/// ```
///
/// A stream starts at `seed ^ mix(stream)`, where `mix` is SplitMix64's output function.
/// All SplitMix64 sequences are windows of one 2⁶⁴-long cycle; distinct streams start at
/// unrelated points of it, so their overlap within any practical run is negligible. Stream 0
/// starts at the seed itself, which makes the reference outputs directly testable.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
  /// Names for the streams one training run draws from.
  public struct Stream: RawRepresentable, Hashable, Sendable {
    /// The number mixed into the seed.
    public var rawValue: UInt64
    /// Names a stream by number; numbers from 1000 up are free for callers.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The generator's own sequence: stream 0 starts at the seed.
    public static let base = Stream(rawValue: 0)
    /// The order of documents in each epoch and which task to draw next. (Streams 1 and 2
    /// are retired; 3 is kept so that existing seeds train the same models.)
    public static let sampling = Stream(rawValue: 3)
    /// Which training documents are held out as dev data when no dev file is given.
    public static let holdOut = Stream(rawValue: 4)
    /// The resamples of `mtl compare`'s paired bootstrap interval, so a comparison's
    /// interval is the same on every run of the same models.
    public static let bootstrap = Stream(rawValue: 5)
    /// The negatives of sampled-softmax steps. Each epoch's shard (or Hogwild thread)
    /// starts its own stream from the seed mixed with the epoch and the shard (`SGDWorker`),
    /// so the draws do not depend on the other streams or on one another.
    public static let negatives = Stream(rawValue: 6)
    /// Which shard of the disk cache each document of a corpus larger than the memory
    /// budget goes to.
    public static let cacheShards = Stream(rawValue: 7)
    /// The order in which each epoch visits the disk cache's shards, and the seed of each
    /// shard's document order.
    public static let cacheOrder = Stream(rawValue: 8)
    /// The document order of the sparse linear path's solver passes; each label of each task
    /// mixes its own number into the seed, so the labels' fits can run on any threads.
    public static let linearPath = Stream(rawValue: 9)
    /// The settings of `mtl tune`'s trials: trial `n` draws from stream `tuning + n`.
    public static let tuning = Stream(rawValue: 0x10_0000)
  }

  static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// The generator's position; equal states give equal futures.
  public private(set) var state: UInt64

  /// Starts the given stream of a seed.
  public init(seed: UInt64, stream: Stream = .base) {
    state = seed ^ Self.mix(stream.rawValue)
  }

  /// Starts numbered stream `stream` of a seed, for example one per worker.
  public init(seed: UInt64, stream: UInt64) {
    self.init(seed: seed, stream: Stream(rawValue: stream))
  }

  /// Returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= Self.increment
    return Self.mix(state)
  }

  /// SplitMix64's output function: a bijection of 64-bit words that scrambles every bit.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension RandomNumberGenerator {
  /// Returns a float uniform in `[0, 1)` made of the top 24 bits of `next()`.
  ///
  /// Spelled out here, rather than taken from `Float.random(in:using:)`, so that the values
  /// drawn from a seed cannot change with the standard library's implementation.
  public mutating func nextUnitFloat() -> Float {
    Float(next() >> 40) * 0x1p-24
  }
}
