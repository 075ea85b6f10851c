import Foundation
import Testing

@testable import MultiTaskText
@testable import MultiTaskTextCLI

/// The pieces that fit printed lines to a terminal: folding, the epoch line, numbers with
/// thousands separators, and the plateau rule's earliest end that the time left rests on.
struct TerminalLinesTests {
  @Test(arguments: [
    (0, "0"), (999, "999"), (1000, "1,000"), (15_900, "15,900"), (1_234_567, "1,234,567"),
    (-4200, "-4,200"),
  ])
  func thousandsSeparators(value: Int, text: String) {
    #expect(ReportNumberFormat.count(value) == text)
  }

  static let readLine =
    "read 15,900 documents, 1,234,567 tokens; vocabulary 45,678 words; topic 4 labels,"
    + " sentiment 2 labels, spam 2 labels, language_of_the_message 20 labels"

  @Test(arguments: [20, 40, 60, 80, 200])
  func foldingKeepsEveryWordWithinTheWidth(width: Int) {
    let rows = LineFolder(width: width).fold(Self.readLine)
    #expect(rows.allSatisfy { $0.count <= width })
    #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("  ") })
    // Nothing is lost: the characters come back in order (a word wider than the row is
    // split across rows).
    #expect(rows.joined().filter { $0 != " " } == Self.readLine.filter { $0 != " " })
    if width >= 24 {
      #expect(
        rows.joined(separator: " ").split(separator: " ") == Self.readLine.split(separator: " "))
    }
    #expect((rows.count == 1) == (width >= Self.readLine.count))
  }

  @Test func aWordWiderThanTheRowIsSplitNotCut() {
    let path = "/tmp/" + String(repeating: "a", count: 50) + "/train.jsonl"
    let rows = LineFolder(width: 20).fold("cannot read \(path): no such file")
    #expect(rows.allSatisfy { $0.count <= 20 })
    #expect(rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined().contains(path))
  }

  @Test func withoutAWidthLinesStayWhole() {
    #expect(LineFolder(width: nil).fold(Self.readLine) == [Self.readLine])
  }

  static let tasks = [
    EpochLine.Task(name: "topic", loss: 0.1234, metric: "accuracy", development: 0.92),
    EpochLine.Task(name: "sentiment", loss: 0.5, metric: "accuracy", development: 0.81),
    EpochLine.Task(name: "spam", loss: nil, metric: "accuracy", development: nil),
    EpochLine.Task(name: "emotions", loss: 0.0421, metric: "macro-F1", development: 0.3281),
  ]

  @Test func theEpochLineIsOneLineWhenItFits() {
    let rows = EpochLine(width: 200).render(epoch: 3, tasks: Self.tasks)
    #expect(
      rows == [
        "epoch 3 done; loss topic 0.1234, sentiment 0.5000, spam -, emotions 0.0421;"
          + " dev accuracy topic 92.00%, sentiment 81.00%; dev macro-F1 emotions 32.81%"
      ])
  }

  /// On 80 columns the four tasks fold into one row each, names aligned, each dev figure
  /// named by its own metric.
  @Test func theEpochLineFoldsPerTaskWhenItDoesNot() {
    let rows = EpochLine(width: 80).render(epoch: 3, tasks: Self.tasks)
    #expect(
      rows == [
        "epoch 3 done:",
        "  topic      loss 0.1234  dev accuracy 92.00%",
        "  sentiment  loss 0.5000  dev accuracy 81.00%",
        "  spam       loss -",
        "  emotions   loss 0.0421  dev macro-F1 32.81%",
      ])
    let narrow = EpochLine(width: 24).render(epoch: 3, tasks: Self.tasks)
    #expect(narrow.allSatisfy { $0.count <= 24 })
    #expect(narrow.joined(separator: " ").contains("32.81%"))
  }

  /// The plateau rule (patience 2) stops after the third stall in a row: during epoch 1,
  /// which always improves, the earliest end is epoch 4; each improvement pushes it on.
  @Test func theEarliestLastEpochFollowsThePlateauRule() {
    var schedule = PlateauSchedule(learningRate: 0.1, patience: 2, maximumEpochs: 30)
    #expect(schedule.earliestLastEpoch(during: 1) == 4)
    #expect(schedule.decide(epoch: 1, improved: true) == .goOn)
    #expect(schedule.earliestLastEpoch(during: 2) == 4)
    #expect(schedule.decide(epoch: 2, improved: false) == .rewind)
    #expect(schedule.earliestLastEpoch(during: 3) == 4)
    #expect(schedule.decide(epoch: 3, improved: true) == .goOn)
    #expect(schedule.earliestLastEpoch(during: 4) == 6)
    #expect(schedule.decide(epoch: 4, improved: false) == .rewind)
    #expect(schedule.decide(epoch: 5, improved: false) == .rewind)
    #expect(schedule.earliestLastEpoch(during: 6) == 6)
    #expect(schedule.decide(epoch: 6, improved: false) == .stop)
    let short = PlateauSchedule(learningRate: 0.1, patience: 2, maximumEpochs: 3)
    #expect(short.earliestLastEpoch(during: 1) == 3)
  }
}
