import Foundation

/// Writes a report as JSON for other programs: pretty-printed with sorted keys, so two runs
/// of the same evaluation produce identical bytes and diff cleanly.
public struct JSONReportRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// The report as UTF-8 JSON, ending in a newline.
  ///
  /// - Throws: `EncodingError` when two tasks share a name.
  public func render(_ report: EvaluationReport) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(report)) + [UInt8(ascii: "\n")]
  }
}
