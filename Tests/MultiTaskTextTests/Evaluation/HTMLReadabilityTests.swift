import Testing

@testable import MultiTaskText

/// What makes the HTML report readable on a phone and with many classes: scrolling tables
/// with a sticky first column, average rows, the largest confusions named, folding by error
/// mass, dark mode and a legend for the colours.
struct HTMLReadabilityTests {
  @Test func tablesEndWithAveragesAndNameTheTopConfusions() {
    let html = HTMLReportRenderer().render(SampleReports.threeTasks())
    #expect(html.contains("macro average"))
    #expect(html.contains("weighted average"))
    #expect(html.contains("Top confusions:"))
    #expect(html.contains("taken for"))
    #expect(html.contains("prefers-color-scheme: dark"))
    #expect(html.contains("position: sticky"))
    #expect(html.contains("above the task's majority baseline"))
  }

  /// A small class that absorbs everyone's errors stays visible; a large class that is
  /// always right is the one folded away.
  @Test func foldsTheClassesWithTheFewestErrors() {
    var matrix = ConfusionMatrix(labels: ["big", "sink", "a", "b"])
    for _ in 0..<100 { matrix.record(truthIndex: 0, predicted: 0) }
    for truth in 2...3 {
      for _ in 0..<10 { matrix.record(truthIndex: truth, predicted: 1) }
      for _ in 0..<5 { matrix.record(truthIndex: truth, predicted: truth) }
    }
    matrix.record(truthIndex: 1, predicted: 1)
    let condensed = CondensedConfusion(matrix, limit: 3)
    #expect(condensed.hiddenClassCount == 1)
    let names = condensed.rows.map(\.name)
    #expect(names.contains("sink"))
    #expect(!names.contains("big"))
  }
}
