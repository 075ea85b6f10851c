import Testing

@testable import MultiTaskText

struct TextReportRendererTests {
  static func lines(_ report: EvaluationReport, colors: Bool = false) -> [String] {
    TextReportRenderer(colors: colors).render(report).split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map(String.init)
  }

  /// Text without ANSI escape sequences.
  static func plain(_ line: String) -> String {
    var result = ""
    var escaping = false
    for character in line {
      if character == "\u{1B}" {
        escaping = true
      } else if escaping {
        if character == "m" { escaping = false }
      } else {
        result.append(character)
      }
    }
    return result
  }

  @Test(arguments: [false, true])
  func everyLineFitsIn100Columns(colors: Bool) {
    for report in [SampleReports.threeTasks(), SampleReports.useless()] {
      for line in Self.lines(report, colors: colors) {
        #expect(DisplayWidth.of(Self.plain(line)) <= 100, "\(line)")
      }
    }
  }

  /// On a narrower terminal every line, confusion matrix included, fits its width.
  @Test(arguments: [60, 80, 120])
  func everyLineFitsTheTerminalWidth(width: Int) {
    for report in [SampleReports.threeTasks(), SampleReports.useless()] {
      let text = TextReportRenderer(colors: false, width: width).render(report)
      for line in text.split(separator: "\n") {
        #expect(DisplayWidth.of(String(line)) <= width, "\(width): \(line)")
      }
    }
  }

  @Test func alignsTheClassTableEvenWithCJKLabels() throws {
    let lines = Self.lines(SampleReports.threeTasks())
    let start = try #require(
      lines.lastIndex { $0.hasPrefix("  label") && $0.contains("precision") })
    let rows = lines[(start + 2)...].prefix { !$0.isEmpty }
    #expect(rows.count == 20)
    let header = DisplayWidth.of(lines[start])
    for row in rows { #expect(DisplayWidth.of(row) == header, "\(row)") }
    let cjk = try #require(rows.first { $0.contains("電子產品與配件") })
    let ascii = try #require(rows.first { $0.contains("electronics") })
    #expect(
      DisplayWidth.of(String(cjk.prefix { $0 != "0" }))
        == DisplayWidth.of(String(ascii.prefix { $0 != "0" })))
    #expect(rows.contains { $0.contains("…") })
  }

  @Test func foldsManyClassesIntoOtherInTheConfusionMatrix() throws {
    let lines = Self.lines(SampleReports.threeTasks())
    #expect(lines.contains { $0.contains("8 smallest classes are folded into \"other\"") })
    let header = try #require(
      lines.first { $0.contains("true \\ predicted") && $0.contains(" 12 ") })
    #expect(header.contains("*") && header.hasSuffix("total"))
  }

  @Test func warnsWhenTheModelIsNoBetterThanTheBaseline() {
    let useless = Self.lines(SampleReports.useless())
    #expect(useless.contains { $0.contains("WARNING") && $0.contains("\"ham\"") })
    #expect(!Self.lines(SampleReports.threeTasks()).contains { $0.contains("WARNING") })
  }

  @Test func namesUnseenLabelsAndSummarizes() throws {
    let lines = Self.lines(SampleReports.threeTasks())
    #expect(lines.contains { $0.contains("\"mixed\" ×37") })
    let mean = try #require(lines.first { $0.hasPrefix("  mean") })
    #expect(mean.contains(ReportNumberFormat.percent(SampleReports.threeTasks().summary.accuracy)))
  }

  @Test func colorsOnlyWhenAsked() {
    #expect(
      !TextReportRenderer(colors: false).render(SampleReports.threeTasks()).contains("\u{1B}"))
    #expect(
      TextReportRenderer(colors: true).render(SampleReports.threeTasks()).contains("\u{1B}[32m"))
  }
}
