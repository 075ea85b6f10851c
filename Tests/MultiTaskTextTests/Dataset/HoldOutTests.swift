import Testing

@testable import MultiTaskText

/// Automatic epochs without a dev file hold out a stratified, seeded slice of the training
/// data.
struct HoldOutTests {
  static func set(labels: [Int32]) -> TrainingSet {
    var set = TrainingSet(taskCount: 1)
    for (document, label) in labels.enumerated() {
      set.features.append(Int32(document))
      set.offsets.append(set.features.count)
      set.labels.append(label)
    }
    set.tokenCount = labels.count
    return set
  }

  @Test func holdsOutEachLabelInProportionAndNeverAllOfIt() {
    let labels = [Int32](repeating: 0, count: 90) + [Int32](repeating: 1, count: 10) + [2]
    let (kept, heldOut) = Self.set(labels: labels).holdingOut(fraction: 0.1, seed: 3)
    #expect(heldOut.documentCount == 9 + 1)
    #expect(heldOut.labels.filter { $0 == 0 }.count == 9)
    #expect(heldOut.labels.filter { $0 == 1 }.count == 1)
    #expect(!heldOut.labels.contains(2))
    #expect(kept.documentCount == labels.count - heldOut.documentCount)
    // Every document is in exactly one of the two.
    #expect(Set(kept.features).union(heldOut.features).count == labels.count)
    #expect(Set(kept.features).isDisjoint(with: heldOut.features))
  }

  @Test func theSplitDependsOnlyOnTheSeed() {
    let labels = (0..<200).map { Int32($0 % 3) }
    let first = Self.set(labels: labels).holdingOut(fraction: 0.1, seed: 5).1
    let again = Self.set(labels: labels).holdingOut(fraction: 0.1, seed: 5).1
    let other = Self.set(labels: labels).holdingOut(fraction: 0.1, seed: 6).1
    #expect(first.features == again.features)
    #expect(first.features != other.features)
  }

  @Test func automaticEpochsStopEarlyAndSayWhy() throws {
    let log = EventLog()
    var examples: [Example] = []
    // The word says the label, except for every fifth document: dev accuracy plateaus and
    // the dev loss stops falling once the flipped documents are memorized.
    for index in 0..<60 {
      let word = index.isMultiple(of: 2) ? "win" : "lose"
      let label = index.isMultiple(of: 5) ? (word == "win" ? "lose" : "win") : word
      examples.append(Example(text: "\(word) match number \(index % 7)", labels: ["t": label]))
    }
    let trainer = Trainer(
      tasks: [TaskSpecification(name: "t")], features: FeatureConfiguration(buckets: 100),
      model: ModelConfiguration(dimension: 8))
    #expect(trainer.training.automaticEpochs)
    _ = try trainer.train(examples: examples, onEvent: log.append)
    var heldOut: Int?
    var epochs = 0
    var stopped = false
    for event in log.all {
      switch event {
      case .heldOut(let documents): heldOut = documents
      case .epochFinished: epochs += 1
      case .stoppedEarly: stopped = true
      default: break
      }
    }
    #expect(heldOut == 6)
    #expect(stopped)
    #expect(epochs < TrainingConfiguration.defaultMaximumEpochs)
  }
}
