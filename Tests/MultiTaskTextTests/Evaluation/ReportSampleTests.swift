import Foundation
import Testing

@testable import MultiTaskText

/// Writes the sample report in every format when `MTL_REPORT_SAMPLE_DIR` is set, so it can be
/// opened in a browser or screenshotted; otherwise only checks that every format renders.
struct ReportSampleTests {
  @Test func writesTheSampleInEveryFormatWhenAsked() throws {
    let report = SampleReports.threeTasks()
    let directory = ProcessInfo.processInfo.environment["MTL_REPORT_SAMPLE_DIR"]
    for format in ReportFormat.allCases {
      let bytes = try format.render(report, colors: false)
      #expect(!bytes.isEmpty)
      if let directory {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(
          "report.\(format.fileExtension)")
        try Data(bytes).write(to: url)
      }
    }
  }
}
