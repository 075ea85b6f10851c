import Foundation
import Testing

@testable import MultiTaskText

/// ECE, log-loss and Brier score on four documents worked out by hand.
@Suite struct CalibrationReportTests {
  static func report(_ documents: [([Float], Int)]) -> CalibrationReport? {
    var accumulator = CalibrationAccumulator()
    for (probabilities, truth) in documents {
      probabilities.withUnsafeBufferPointer {
        accumulator.record(probabilities: $0, truth: truth)
      }
    }
    return accumulator.report()
  }

  @Test func matchesHandComputedFigures() throws {
    // Top probabilities 0.7 (right), 0.65 (wrong), 0.68 (wrong) and 0.98 (right), in the
    // 15 bins of width 1/15: bins 10, 9, 10 and 14.
    let report = try #require(
      Self.report([
        ([0.7, 0.2, 0.1], 0), ([0.05, 0.65, 0.3], 2), ([0.68, 0.22, 0.1], 1),
        ([0.98, 0.01, 0.01], 0),
      ]))
    #expect(report.bins.count == 15)
    #expect(report.bins.map(\.count) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 1])
    #expect(abs(report.bins[10].confidence - 0.69) < 1e-6)
    #expect(report.bins[10].accuracy == 0.5)
    #expect(abs(report.bins[9].lower - 9.0 / 15) < 1e-12)
    #expect(abs(report.bins[9].upper - 10.0 / 15) < 1e-12)
    // ECE = ¼·|0 − 0.65| + ½·|0.5 − 0.69| + ¼·|1 − 0.98|.
    #expect(abs(report.ece - (0.65 / 4 + 0.19 / 2 + 0.02 / 4)) < 1e-6)
    // Log-loss: the mean of −ln p(truth) = −ln 0.7, −ln 0.3, −ln 0.22, −ln 0.98.
    let logLoss = -(log(0.7) + log(0.3) + log(0.22) + log(0.98)) / 4
    #expect(abs(report.logLoss - logLoss) < 1e-6)
    // Brier: Σ (p − y)² per document is 0.14, 0.915, 1.0808 and 0.0006.
    #expect(abs(report.brier - (0.14 + 0.915 + 1.0808 + 0.0006) / 4) < 1e-6)
  }

  @Test func aPerfectlyConfidentRightAnswerIsInTheLastBinWithNoError() throws {
    let report = try #require(Self.report([([1, 0], 0), ([0, 1], 1)]))
    #expect(report.bins[14].count == 2)
    #expect(report.ece == 0)
    #expect(report.brier == 0)
    #expect(report.logLoss == 0)
  }

  @Test func aZeroProbabilityForTheTruthStaysFinite() throws {
    let report = try #require(Self.report([([1, 0], 1)]))
    #expect(report.logLoss.isFinite && report.logLoss > 30)
    #expect(report.ece == 1)
    #expect(report.brier == 2)
  }

  @Test func noDocumentGivesNoReport() {
    #expect(Self.report([]) == nil)
  }
}
