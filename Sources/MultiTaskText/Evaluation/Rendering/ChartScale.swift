import Foundation

/// A linear axis with "nice" tick values (1, 2 or 5 times a power of ten), so tick labels
/// read as round numbers.
struct ChartScale {
  /// The axis's lower and upper data values, widened to whole ticks.
  let lower: Double
  let upper: Double
  /// The distance between ticks.
  let step: Double

  /// A scale covering `minimum...maximum` with about `ticks` intervals, never reaching past
  /// `bounds` (0...1 for a score or an accuracy: an axis that runs to 110% shows a value no
  /// model can have).
  init(
    minimum: Double, maximum: Double, ticks: Int = 5,
    bounds: ClosedRange<Double> = -Double.infinity...Double.infinity
  ) {
    var low = min(max(minimum.isFinite ? minimum : 0, bounds.lowerBound), bounds.upperBound)
    var high = min(max(maximum.isFinite ? maximum : 1, bounds.lowerBound), bounds.upperBound)
    if high <= low {
      // A flat series gets room on both sides, or below it alone at the top of its bounds.
      let pad = low == 0 ? 1 : abs(low) * 0.1
      low = max(low - pad, bounds.lowerBound)
      high = min(high + pad, bounds.upperBound)
      if high <= low { low = max(bounds.lowerBound, high - pad) }
    }
    let raw = (high - low) / Double(max(1, ticks))
    let magnitude = pow(10, floor(log10(raw)))
    let fraction = raw / magnitude
    let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
    step = nice * magnitude
    lower = max(floor(low / step + 1e-9) * step, bounds.lowerBound)
    upper = min(ceil(high / step - 1e-9) * step, bounds.upperBound)
  }

  /// The tick values, lower to upper.
  var ticks: [Double] {
    // Rounded down: an upper end cut to its bounds gets no tick past it.
    let count = Int(((upper - lower) / step + 1e-6).rounded(.down))
    return (0...max(0, count)).map { lower + Double($0) * step }
  }

  /// Decimals needed to tell the tick labels apart.
  var decimals: Int { max(0, -Int(floor(log10(step) + 1e-9))) }

  /// Where `value` falls between `start` (at ``lower``) and `end` (at ``upper``).
  func position(_ value: Double, from start: Double, to end: Double) -> Double {
    guard upper > lower else { return start }
    return start + (value - lower) / (upper - lower) * (end - start)
  }
}
