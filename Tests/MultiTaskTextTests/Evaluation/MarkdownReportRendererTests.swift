import Testing

@testable import MultiTaskText

struct MarkdownReportRendererTests {
  /// The cells of a table row, splitting on `|` not escaped with a backslash.
  static func cellCount(_ row: String) -> Int {
    var count = 0
    var escaped = false
    for character in row {
      if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        count += 1
      }
    }
    return count - 1
  }

  @Test func tableRowsHaveEqualColumnCounts() {
    let lines = MarkdownReportRenderer().render(SampleReports.threeTasks()).split(
      separator: "\n", omittingEmptySubsequences: false)
    var tables: [[Substring]] = [[]]
    for line in lines {
      if line.hasPrefix("|") {
        tables[tables.count - 1].append(line)
      } else if !(tables.last ?? []).isEmpty {
        tables.append([])
      }
    }
    let found = tables.filter { !$0.isEmpty }
    #expect(found.count == 1 + 3 * 2)
    for table in found {
      let counts = Set(table.map { Self.cellCount(String($0)) })
      #expect(counts.count == 1, "\(table)")
    }
  }

  @Test func escapesLabels() {
    let markdown = MarkdownReportRenderer().render(SampleReports.threeTasks())
    #expect(markdown.contains("home\\|garden"))
    #expect(!markdown.contains("home|garden"))
    #expect(markdown.contains("sci\\<tech\\> \\& \"AI\""))
  }

  @Test func startsWithTheSummaryAndWarnsAboutUselessModels() {
    let markdown = MarkdownReportRenderer().render(SampleReports.threeTasks())
    let summary = markdown.range(of: "| Task |")
    let firstTask = markdown.range(of: "### topic")
    #expect(summary != nil && firstTask != nil)
    if let summary, let firstTask { #expect(summary.lowerBound < firstTask.lowerBound) }
    #expect(!markdown.contains("[!WARNING]"))
    #expect(MarkdownReportRenderer().render(SampleReports.useless()).contains("[!WARNING]"))
  }
}
