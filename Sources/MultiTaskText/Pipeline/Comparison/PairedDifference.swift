#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether two models' accuracies on the same test documents differ by more than chance:
/// McNemar's exact test on the documents only one of them gets right, and a paired
/// bootstrap interval of the accuracy difference.
///
/// Both models answer the same documents, so the comparison is paired: what matters is how
/// many documents one gets right and the other wrong (`b` and `c`). Under the hypothesis of
/// equal accuracy each such document is a fair coin, so `min(b, c)` has a binomial
/// distribution with `n = b + c` and `p = ½`, and the two-sided p-value is twice its tail.
/// One task in 500 that drops 0.2 points on one seed is then, correctly, not significant.
public struct PairedDifference: Sendable, Equatable, Codable {
  /// Documents the single-task model got right and the multi-task one wrong.
  public var singleOnlyCorrect: Int
  /// Documents the multi-task model got right and the single-task one wrong.
  public var multiOnlyCorrect: Int
  /// McNemar's exact two-sided p-value.
  public var pValue: Double
  /// The lower end of the 95% paired bootstrap interval of multi − single accuracy, as a
  /// fraction.
  public var lower: Double
  /// The upper end of that interval.
  public var upper: Double

  /// The significance level below which a difference is reported.
  public static let level = 0.05
  /// Bootstrap resamples: enough for a stable 95% interval at these test-set sizes.
  static let resamples = 1_000

  /// Whether the multi-task model is worse at the 5% level.
  public var isSignificantLoss: Bool { multiOnlyCorrect < singleOnlyCorrect && pValue < Self.level }

  /// Compares per-document outcomes of the same documents in the same order; nil when the
  /// lists differ in length or are empty.
  ///
  /// - Parameters:
  ///   - single: Whether the single-task model got each document right.
  ///   - multi: Whether the multi-task model did.
  ///   - seed: Seeds the bootstrap's resamples.
  public init?(single: [Bool], multi: [Bool], seed: UInt64) {
    guard single.count == multi.count, !single.isEmpty else { return nil }
    var b = 0
    var c = 0
    for (left, right) in zip(single, multi) where left != right {
      if left { b += 1 } else { c += 1 }
    }
    singleOnlyCorrect = b
    multiOnlyCorrect = c
    pValue = Self.exactMcNemar(b, c)
    let count = single.count
    var generator = SplitMix64(seed: seed, stream: .bootstrap)
    var differences: [Double] = []
    differences.reserveCapacity(Self.resamples)
    for _ in 0..<Self.resamples {
      var sum = 0
      for _ in 0..<count {
        let index = Int(generator.next() % UInt64(count))
        sum += (multi[index] ? 1 : 0) - (single[index] ? 1 : 0)
      }
      differences.append(Double(sum) / Double(count))
    }
    differences.sort()
    lower = differences[Int(Double(Self.resamples) * 0.025)]
    upper = differences[min(Self.resamples - 1, Int(Double(Self.resamples) * 0.975))]
  }

  /// Twice the binomial(`b + c`, ½) probability of a split at least as uneven as `b`:`c`,
  /// at most 1; summed in log space so that thousands of discordant documents don't
  /// underflow.
  static func exactMcNemar(_ b: Int, _ c: Int) -> Double {
    let n = b + c
    guard n > 0 else { return 1 }
    let smaller = min(b, c)
    let logHalf = Double(n) * log(0.5)
    var total = 0.0
    for k in 0...smaller {
      let logChoose = lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
      total += exp(logChoose + logHalf)
    }
    return min(1, 2 * total)
  }
}
