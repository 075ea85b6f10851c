import Foundation

/// A linear axis with "nice" tick values (1, 2 or 5 times a power of ten), so tick labels
/// read as round numbers.
struct ChartScale {
  /// The axis's lower and upper data values, widened to whole ticks.
  let lower: Double
  let upper: Double
  /// The distance between ticks.
  let step: Double

  /// A scale covering `minimum...maximum` with about `ticks` intervals.
  init(minimum: Double, maximum: Double, ticks: Int = 5) {
    var low = minimum.isFinite ? minimum : 0
    var high = maximum.isFinite ? maximum : 1
    if high <= low {
      let pad = low == 0 ? 1 : abs(low) * 0.1
      low -= pad
      high += pad
    }
    let raw = (high - low) / Double(max(1, ticks))
    let magnitude = pow(10, floor(log10(raw)))
    let fraction = raw / magnitude
    let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
    step = nice * magnitude
    lower = floor(low / step + 1e-9) * step
    upper = ceil(high / step - 1e-9) * step
  }

  /// The tick values, lower to upper.
  var ticks: [Double] {
    let count = Int(((upper - lower) / step).rounded())
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
