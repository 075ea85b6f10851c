import MultiTaskText
import Testing

@testable import MultiTaskTextCLI

/// The live line fits the terminal: a wrapped line leaves a stale half-line behind, because
/// `\r` returns to the start of the last row only.
struct ProgressLineTests {
  static let progress = TrainingProgress(
    epoch: 3, epochs: 30, fraction: 0.423, learningRate: 0.08, tokensPerSecond: 1_234_000,
    averageLoss: TaskValues(
      tasks: ["topic", "sentiment", "spam", "language"], values: [0.1234, 0.5, 0.25, nil]),
    elapsedSeconds: 65)

  @Test(arguments: [40, 60, 79, 100, 200])
  func fitsTheWidthAndKeepsPercentTimeLeftAndElapsed(width: Int) {
    let line = ProgressLine(width: width).render(Self.progress)
    #expect(line.count <= width)
    #expect(line.contains("42.3%"))
    #expect(line.contains("ETA 1m29s"))
    #expect(line.contains("elapsed 1m05s"))
  }

  @Test func losesTaskLossesFirstAndSaysSo() {
    let narrow = ProgressLine(width: 79).render(Self.progress)
    #expect(narrow.contains("["))
    #expect(!narrow.contains("language -"))
    #expect(narrow.hasSuffix(" …") || !narrow.contains("loss"))
    let wide = ProgressLine(width: 200).render(Self.progress)
    #expect(wide.contains("loss topic 0.1234, sentiment 0.5000, spam 0.2500, language -"))
    #expect(wide.contains("1234k tokens/s"))
    #expect(wide.hasPrefix("[########"))
  }
}
