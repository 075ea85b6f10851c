import Testing

@testable import MultiTaskText

/// ``MultiLabelCounts`` against a naive reference that computes every figure from sets of
/// label names, document by document, on seeded random cases.
@Suite struct MultiLabelCountsTests {
  /// One document: its true labels (known or not) and its predicted labels (known only).
  struct Document {
    var truth: Set<String>
    var predicted: Set<String>
  }

  /// The figures, computed the obvious way.
  struct Reference {
    let labels: [String]
    let documents: [Document]

    func truePositives(_ label: String) -> Int {
      documents.filter { $0.truth.contains(label) && $0.predicted.contains(label) }.count
    }
    func falsePositives(_ label: String) -> Int {
      documents.filter { !$0.truth.contains(label) && $0.predicted.contains(label) }.count
    }
    func falseNegatives(_ label: String) -> Int {
      documents.filter { $0.truth.contains(label) && !$0.predicted.contains(label) }.count
    }
    func f1(_ label: String) -> Double {
      let (tp, fp, fn) = (truePositives(label), falsePositives(label), falseNegatives(label))
      return tp + fp + fn == 0 ? 0 : 2 * Double(tp) / Double(2 * tp + fp + fn)
    }
    /// Labels some document has or was given, as scikit-learn's default `labels`.
    var present: [String] {
      labels.filter { label in
        documents.contains { $0.truth.contains(label) || $0.predicted.contains(label) }
      }
    }
    /// Every label of the set, as scikit-learn averages the columns of a label-indicator
    /// matrix, a label neither present nor given scoring 0 (`zero_division=0`).
    var macroF1: Double {
      labels.isEmpty ? 0 : labels.map(f1).reduce(0, +) / Double(labels.count)
    }
    var macroRecall: Double {
      let supported = labels.filter { label in documents.contains { $0.truth.contains(label) } }
      let recalls = supported.map { label in
        Double(truePositives(label)) / Double(truePositives(label) + falseNegatives(label))
      }
      return supported.isEmpty ? 0 : recalls.reduce(0, +) / Double(supported.count)
    }
    var microF1: Double {
      let tp = labels.map(truePositives).reduce(0, +)
      let wrong = labels.map { falsePositives($0) + falseNegatives($0) }.reduce(0, +)
      return 2 * tp + wrong == 0 ? 0 : 2 * Double(tp) / Double(2 * tp + wrong)
    }
    /// Unseen true labels make a document's set wrong: they can never be predicted.
    var subsetAccuracy: Double {
      documents.isEmpty
        ? 0 : Double(documents.filter { $0.truth == $0.predicted }.count) / Double(documents.count)
    }
    /// Wrong decisions over the model's labels.
    var hammingLoss: Double {
      let wrong = documents.map { document in
        labels.filter { document.truth.contains($0) != document.predicted.contains($0) }.count
      }.reduce(0, +)
      let decisions = documents.count * labels.count
      return decisions == 0 ? 0 : Double(wrong) / Double(decisions)
    }
    var sampleF1: Double {
      guard !documents.isEmpty else { return 0 }
      let scores = documents.map { document -> Double in
        let total = document.truth.count + document.predicted.count
        let hits = document.truth.intersection(document.predicted).count
        return total == 0 ? 1 : 2 * Double(hits) / Double(total)
      }
      return scores.reduce(0, +) / Double(documents.count)
    }
  }

  static func counts(labels: [String], documents: [Document]) -> MultiLabelCounts {
    var counts = MultiLabelCounts(labels: labels.count)
    for document in documents {
      let truth = labels.indices.filter { document.truth.contains(labels[$0]) }.map(Int32.init)
      let predicted = labels.indices.filter { document.predicted.contains(labels[$0]) }
        .map(Int32.init)
      let unseen = document.truth.subtracting(labels).count
      counts.record(truth: truth, predicted: predicted, unseen: unseen)
    }
    return counts
  }

  /// `count` documents over `labelCount` labels, with unseen labels `u0`, `u1` among the
  /// truths; each label is in a set with probability `density`, so empty sets come up often.
  static func randomCase(seed: UInt64, labelCount: Int, count: Int, density: Double)
    -> (labels: [String], documents: [Document])
  {
    var generator = SplitMix64(seed: seed)
    func coin() -> Bool { Double(generator.nextUnitFloat()) < density }
    let labels = (0..<labelCount).map { "l\($0)" }
    let documents = (0..<count).map { _ in
      Document(
        truth: Set(
          (labels + ["u0", "u1"]).filter { $0.hasPrefix("u") ? coin() && coin() : coin() }),
        predicted: Set(labels.filter { _ in coin() }))
    }
    return (labels, documents)
  }

  static func expectMatches(
    _ counts: MultiLabelCounts, _ reference: Reference,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    func close(_ left: Double, _ right: Double) -> Bool { abs(left - right) < 1e-12 }
    for (index, label) in reference.labels.enumerated() {
      #expect(
        counts.truePositives[index] == reference.truePositives(label),
        sourceLocation: sourceLocation)
      #expect(
        counts.falsePositives[index] == reference.falsePositives(label),
        sourceLocation: sourceLocation)
      #expect(
        counts.falseNegatives[index] == reference.falseNegatives(label),
        sourceLocation: sourceLocation)
      #expect(close(counts.f1(index), reference.f1(label)), sourceLocation: sourceLocation)
    }
    #expect(counts.documents == reference.documents.count, sourceLocation: sourceLocation)
    #expect(close(counts.macroF1, reference.macroF1), "macroF1", sourceLocation: sourceLocation)
    #expect(close(counts.macroRecall, reference.macroRecall), sourceLocation: sourceLocation)
    #expect(close(counts.microF1, reference.microF1), "microF1", sourceLocation: sourceLocation)
    #expect(close(counts.subsetAccuracy, reference.subsetAccuracy), sourceLocation: sourceLocation)
    #expect(close(counts.hammingLoss, reference.hammingLoss), sourceLocation: sourceLocation)
    #expect(close(counts.sampleF1, reference.sampleF1), "sampleF1", sourceLocation: sourceLocation)
    #expect(
      counts.presentLabels.map { reference.labels[$0] } == reference.present,
      sourceLocation: sourceLocation)
  }

  @Test(
    arguments: [
      (1, 3, 20, 0.4), (2, 5, 50, 0.3), (3, 8, 200, 0.15), (4, 2, 10, 0.6), (5, 6, 1, 0.5),
      (6, 12, 300, 0.05),
    ] as [(UInt64, Int, Int, Double)])
  func matchesANaiveReferenceOnRandomCases(
    seed: UInt64, labelCount: Int, count: Int, density: Double
  ) {
    let (labels, documents) = Self.randomCase(
      seed: seed, labelCount: labelCount, count: count, density: density)
    let counts = Self.counts(labels: labels, documents: documents)
    Self.expectMatches(counts, Reference(labels: labels, documents: documents))
  }

  /// The corners: empty truths and predictions, unseen labels only, labels never present.
  @Test(
    arguments: [
      [([], [])],
      [([], []), ([], [])],
      [(["u0"], [])],
      [(["a"], ["a"]), ([], ["b"]), ([], [])],
      [(["a", "u0"], ["a"]), (["b"], ["a", "b"]), ([], ["c"])],
      [(["c"], []), (["c"], ["c"])],
    ] as [[([String], [String])]])
  func matchesTheReferenceOnTheCorners(cases: [([String], [String])]) {
    let labels = ["a", "b", "c"]
    let documents = cases.map { Document(truth: Set($0.0), predicted: Set($0.1)) }
    let counts = Self.counts(labels: labels, documents: documents)
    Self.expectMatches(counts, Reference(labels: labels, documents: documents))
  }

  @Test func emptyAgreementIsAPerfectDocumentButNoLabelScore() {
    var counts = MultiLabelCounts(labels: 3)
    counts.record(truth: [], predicted: [])
    counts.record(truth: [], predicted: [])
    #expect(counts.subsetAccuracy == 1)
    #expect(counts.sampleF1 == 1)
    #expect(counts.hammingLoss == 0)
    #expect(counts.presentLabels.isEmpty)
    #expect(counts.macroF1 == 0)
    #expect(MultiLabelCounts(labels: 2).subsetAccuracy == 0)
  }

  /// `TaskMetric`'s multi-label values: accuracy is subset accuracy, `f1:` and `f1avg:` read
  /// the named labels' F1, and a name the task lacks scores 0.
  @Test func taskMetricsReadTheReferenceFigures() {
    let (names, documents) = Self.randomCase(seed: 9, labelCount: 4, count: 60, density: 0.35)
    let reference = Reference(labels: names, documents: documents)
    let counts = Self.counts(labels: names, documents: documents)
    let labels = LabelSet(names)
    #expect(names == labels.labels)
    func close(_ left: Double, _ right: Double) -> Bool { abs(left - right) < 1e-12 }
    #expect(
      close(TaskMetric.accuracy.value(multiLabel: counts, labels: labels), reference.subsetAccuracy)
    )
    #expect(close(TaskMetric.macroF1.value(multiLabel: counts, labels: labels), reference.macroF1))
    #expect(
      close(TaskMetric.macroRecall.value(multiLabel: counts, labels: labels), reference.macroRecall)
    )
    #expect(
      close(
        TaskMetric.f1(label: "l2").value(multiLabel: counts, labels: labels), reference.f1("l2")))
    #expect(
      close(
        TaskMetric.f1Average(labels: ["l0", "l3"]).value(multiLabel: counts, labels: labels),
        (reference.f1("l0") + reference.f1("l3")) / 2))
    #expect(TaskMetric.f1(label: "nope").value(multiLabel: counts, labels: labels) == 0)
  }
}
