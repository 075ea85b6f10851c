import Testing

@testable import MultiTaskText

/// Bias fitting on constructed dev scores: it raises macro-F1 where a rare class is
/// under-predicted, on documents it was not fitted on too, and leaves alone what it cannot
/// improve.
@Suite struct MetricBiasFittingTests {
  /// `count` documents of which about `rareShare` are label 1 (the rare class); the rare
  /// class's score is systematically `shift` lower than an unbiased model's, so its own
  /// documents mostly lose to label 0, as an under-trained rare class does.
  static func imbalanced(
    seed: UInt64, count: Int, rareShare: Float, shift: Float
  ) -> (scores: [Float], truth: [Int]) {
    var generator = SplitMix64(seed: seed)
    var scores: [Float] = []
    var truth: [Int] = []
    for _ in 0..<count {
      let label = generator.nextUnitFloat() < rareShare ? 1 : 0
      let evidence = (label == 1 ? 1 : -1) + 2 * (generator.nextUnitFloat() - 0.5)
      scores += [0, evidence - shift]
      truth.append(label)
    }
    return (scores, truth)
  }

  /// Macro-F1 of the argmax of `scores + biases`, through the problem's own answer rule.
  static func macroF1(_ scores: [Float], _ truth: [Int], biases: [Float]?) -> Double {
    let problem = MetricBiasFitting.Problem(
      scores: scores, truth: truth, labels: 2, metric: .macroF1, labelSet: LabelSet(["a", "b"]))
    return problem.value(
      documents: Array(truth.indices), biases: biases ?? [0, 0])
  }

  /// The biases fitted on two-label `dev` for `metric`.
  static func fit(
    _ dev: (scores: [Float], truth: [Int]), metric: TaskMetric = .macroF1
  ) -> [Float]? {
    MetricBiasFitting.fit(
      scores: dev.scores, truth: dev.truth, labels: 2, metric: metric,
      labelSet: LabelSet(["a", "b"]))
  }

  @Test func biasesRaiseMacroF1OnDevAndOnUnseenDocuments() throws {
    let dev = Self.imbalanced(seed: 1, count: 400, rareShare: 0.1, shift: 1.2)
    let test = Self.imbalanced(seed: 2, count: 2_000, rareShare: 0.1, shift: 1.2)
    let biases = try #require(Self.fit(dev))
    #expect(biases.count == 2)
    // The rare class is pushed up relative to the frequent one.
    #expect(biases[1] - biases[0] > 0.5)
    let before = Self.macroF1(test.scores, test.truth, biases: nil)
    let after = Self.macroF1(test.scores, test.truth, biases: biases)
    #expect(after > before + 0.05, "test macro-F1 \(before) -> \(after)")
    #expect(
      Self.macroF1(dev.scores, dev.truth, biases: biases)
        > Self.macroF1(dev.scores, dev.truth, biases: nil))
  }

  @Test func accuracyTasksGetNoBiases() {
    let dev = Self.imbalanced(seed: 1, count: 400, rareShare: 0.1, shift: 1.2)
    #expect(Self.fit(dev, metric: .accuracy) == nil)
    #expect(!MetricBiasFitting.applies(to: .accuracy))
    #expect(MetricBiasFitting.applies(to: .macroRecall))
    #expect(MetricBiasFitting.applies(to: .f1Average(labels: ["a", "b"])))
  }

  @Test func scoresThatAlreadyDecideWellGetNoBiases() {
    // Evidence alone separates the classes and nothing is shifted: no bias can help on
    // held-out documents, so none is kept.
    let dev = Self.imbalanced(seed: 3, count: 400, rareShare: 0.5, shift: 0)
    #expect(Self.fit(dev) == nil)
  }

  @Test func tooFewDocumentsOrLabelsGetNoBiases() {
    #expect(
      MetricBiasFitting.fit(
        scores: [0, -1, 0, -1], truth: [1, 1], labels: 2, metric: .macroF1,
        labelSet: LabelSet(["a", "b"])) == nil)
    #expect(
      MetricBiasFitting.fit(
        scores: [0, 0, 0, 0], truth: [0, 0, 0, 0], labels: 1, metric: .macroF1,
        labelSet: LabelSet(["a"])) == nil)
  }

  @Test func coordinateAscentFindsTheBiasThatSeparatesThreeClasses() {
    // Label 2's documents score 0.4 below label 0, label 1's documents are clear; the ascent
    // must lift label 2 by more than 0.4 and no more than is needed to keep label 0 right
    // (label 0's documents have label 2 at -1.0).
    var scores: [Float] = []
    var truth: [Int] = []
    for document in 0..<60 {
      switch document % 3 {
      case 0: scores += [0, -2, -1.0]
      case 1: scores += [-2, 0, -2]
      default: scores += [0, -2, -0.4]
      }
      truth.append(document % 3)
    }
    let problem = MetricBiasFitting.Problem(
      scores: scores, truth: truth, labels: 3, metric: .macroF1,
      labelSet: LabelSet(["a", "b", "c"]))
    let biases = problem.ascend(documents: Array(truth.indices))
    #expect(problem.value(documents: Array(truth.indices), biases: biases) == 1)
    #expect(biases[2] - biases[0] > 0.4 && biases[2] - biases[0] < 1.0)
  }

  @Test(arguments: [2, 3, 7] as [Int])
  func theLeadersGiveTheBestOtherLabelAsABruteForceSearchDoes(labels: Int) {
    var generator = SplitMix64(seed: UInt64(labels))
    // Scores on a coarse grid, so that ties happen and their rule is checked too.
    let scores = (0..<(50 * labels)).map { _ in Float(generator.next() % 4) }
    let biases = (0..<labels).map { _ in Float(generator.next() % 3) * 0.5 }
    let problem = MetricBiasFitting.Problem(
      scores: scores, truth: Array(repeating: 0, count: 50), labels: labels, metric: .macroF1,
      labelSet: LabelSet((0..<labels).map { "l\($0)" }))
    for document in 0..<50 {
      let leaders = problem.leaders(document, biases: biases)
      #expect(leaders.first == problem.answer(document, biases: biases))
      for label in 0..<labels {
        var best = -1
        for other in 0..<labels where other != label {
          let score = scores[document * labels + other] + biases[other]
          if best < 0 || score > scores[document * labels + best] + biases[best] { best = other }
        }
        #expect((leaders.first == label ? leaders.second : leaders.first) == best)
      }
    }
  }
}
