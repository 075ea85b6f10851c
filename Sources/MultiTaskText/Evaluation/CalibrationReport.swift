#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How well a single-label task's probabilities match its accuracy: expected calibration
/// error over 15 equal-width bins of the top probability, log-loss and Brier score.
///
/// ECE answers "when the model says 0.8, is it right 80% of the time?": the documents are
/// binned by their top probability, and each bin's gap between mean confidence and
/// accuracy is weighted by its share of documents. Log-loss and Brier score judge the whole
/// distribution, so they also see a model that is right for the wrong confidence.
public struct CalibrationReport: Sendable, Equatable, Codable {
  /// One bin of the reliability diagram.
  public struct Bin: Sendable, Equatable, Codable {
    /// The bin's lowest top probability.
    public var lower: Double
    /// The bin's highest top probability.
    public var upper: Double
    /// Documents whose top probability fell in the bin.
    public var count: Int
    /// Their mean top probability.
    public var confidence: Double
    /// The share of them answered right.
    public var accuracy: Double
  }

  /// The number of equal-width bins, as in Guo et al. (2017).
  public static let binCount = 15

  /// Expected calibration error, from 0 (perfect) to 1.
  public var ece: Double
  /// The mean negative log-probability of the true label.
  public var logLoss: Double
  /// The mean over documents of `Σ_l (p_l − y_l)²`, from 0 to 2.
  public var brier: Double
  /// The bins, lowest first; empty bins included.
  public var bins: [Bin]
}

/// Accumulates what ``CalibrationReport`` needs, one document at a time.
struct CalibrationAccumulator {
  private var counts = [Int](repeating: 0, count: CalibrationReport.binCount)
  private var confidenceSums = [Double](repeating: 0, count: CalibrationReport.binCount)
  private var correct = [Int](repeating: 0, count: CalibrationReport.binCount)
  private var logLossSum = 0.0
  private var brierSum = 0.0
  private var documents = 0

  /// Records one document whose true label is `truth`, under `probabilities`.
  mutating func record(probabilities: UnsafeBufferPointer<Float>, truth: Int) {
    guard !probabilities.isEmpty else { return }
    var best = 0
    for index in probabilities.indices where probabilities[index] > probabilities[best] {
      best = index
    }
    let confidence = Double(probabilities[best])
    let bin = min(
      CalibrationReport.binCount - 1, Int(confidence * Double(CalibrationReport.binCount)))
    counts[bin] += 1
    confidenceSums[bin] += confidence
    if best == truth { correct[bin] += 1 }
    logLossSum -= log(max(Double(probabilities[truth]), 1e-15))
    for index in probabilities.indices {
      let difference = Double(probabilities[index]) - (index == truth ? 1 : 0)
      brierSum += difference * difference
    }
    documents += 1
  }

  /// The report, or nil when no document was recorded.
  func report() -> CalibrationReport? {
    guard documents > 0 else { return nil }
    let width = 1 / Double(CalibrationReport.binCount)
    var ece = 0.0
    let bins = (0..<CalibrationReport.binCount).map { bin in
      let count = counts[bin]
      let confidence = count > 0 ? confidenceSums[bin] / Double(count) : 0
      let accuracy = count > 0 ? Double(correct[bin]) / Double(count) : 0
      ece += Double(count) / Double(documents) * abs(accuracy - confidence)
      return CalibrationReport.Bin(
        lower: Double(bin) * width, upper: Double(bin + 1) * width, count: count,
        confidence: confidence, accuracy: accuracy)
    }
    return CalibrationReport(
      ece: ece, logLoss: logLossSum / Double(documents), brier: brierSum / Double(documents),
      bins: bins)
  }
}
