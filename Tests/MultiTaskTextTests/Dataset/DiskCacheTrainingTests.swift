import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// A corpus larger than `training.memoryBudget` goes to disk: its provisional tokens while it
/// is read, its features while it trains. These tests shrink the budget to a few kilobytes so
/// that a small corpus takes both paths, and check the cached set against the in-memory one.
struct DiskCacheTrainingTests {
  /// Three topics with words of their own and shared filler, grouped by label in the order
  /// given, as some corpus files are: training must still see every label throughout.
  static func examples(count: Int, seed: UInt64 = 5) -> [Example] {
    let topics = [
      ("sports", ["match", "goal", "striker", "league", "coach", "score"]),
      ("politics", ["minister", "vote", "budget", "party", "election", "law"]),
      ("science", ["atom", "cell", "theory", "energy", "physics", "data"]),
    ]
    let filler = ["the", "a", "today", "new", "report", "says", "with", "after"]
    var generator = SplitMix64(seed: seed)
    var examples: [Example] = []
    for (label, words) in topics {
      for _ in 0..<(count / topics.count) {
        var text: [String] = []
        for _ in 0..<(4 + Int(generator.next() % 6)) {
          text.append(
            generator.next() % 3 == 0
              ? words[Int(generator.next() % UInt64(words.count))]
              : filler[Int(generator.next() % UInt64(filler.count))])
        }
        text.append(words[Int(generator.next() % UInt64(words.count))])
        examples.append(Example(text: text.joined(separator: " "), labels: ["topic": label]))
      }
    }
    return examples
  }

  static func trainer(budget: Int?, directory: String? = nil, epochs: Int? = 5) -> Trainer {
    var training = TrainingConfiguration(epochs: epochs)
    training.memoryBudget = budget
    training.cacheDirectory = directory
    return Trainer(
      tasks: [TaskSpecification(name: "topic")],
      features: FeatureConfiguration(wordNgrams: 2, buckets: 10_000),
      model: ModelConfiguration(dimension: 16), training: training)
  }

  /// Every document of a set, in memory or cached, as (features, labels, lists) triples.
  static func documents(of set: TrainingSet) throws -> [[Int32]] {
    if !set.isCached {
      return (0..<set.documentCount).map { document in
        var row = Array(set.features[set.offsets[document]..<set.offsets[document + 1]])
        row.append(-99)
        for task in 0..<set.taskCount {
          let label = set.label(document: document, task: task)
          if set.isMultiLabel(task) && label >= 0 {
            row.append(Int32(set.labelList(label).count))
            row.append(contentsOf: set.labelList(label))
          } else {
            row.append(label)
          }
        }
        return row
      }
    }
    var rows: [[Int32]] = []
    try set.forEachCachedDocument { document in
      var row = document.ids
      row.append(-99)
      var list = 0
      for task in 0..<set.taskCount {
        let label = document.labels[task]
        row.append(label)
        if set.isMultiLabel(task) && label >= 0 {
          row.append(contentsOf: document.listValues[list..<(list + Int(label))])
          list += Int(label)
        }
      }
      rows.append(row)
    }
    return rows
  }

  @Test(arguments: [1_024, 12])
  func theCacheHoldsExactlyTheDocumentsMemoryWould(budgetSpec: Int) throws {
    // Several tasks, a masked task and a multi-label one, so every kind of label entry
    // travels through both caches.
    var examples: [Example] = []
    for (index, example) in Self.examples(count: 600).enumerated() {
      var labels: [String: [String]] = ["topic": [example.labels["topic"]!]]
      if index % 3 != 0 { labels["length"] = [example.text.count > 30 ? "long" : "short"] }
      labels["tags"] = index % 4 == 0 ? [] : (index % 2 == 0 ? ["even", "x"] : ["odd"])
      examples.append(Example(text: example.text, labelLists: labels))
    }
    var multiLabelTask = TaskSpecification(name: "tags")
    multiLabelTask.type = .multiLabel
    func trainer(budget: Int?) -> Trainer {
      var training = TrainingConfiguration(epochs: 1)
      training.memoryBudget = budget
      return Trainer(
        tasks: [
          TaskSpecification(name: "topic"), TaskSpecification(name: "length"),
          multiLabelTask,
        ],
        features: FeatureConfiguration(wordNgrams: 2, buckets: 10_000),
        training: training)
    }
    let memory = try trainer(budget: nil).datasets.makeTrainingData(examples)
    #expect(!memory.set.isCached)
    // 1 KiB spills the tokens while reading; 12 bytes per token keeps the tokens in memory
    // (4 per token < half) but not the bigram features (about 8 per token > half).
    let budget = budgetSpec == 12 ? memory.set.tokenCount * 12 : budgetSpec
    let cached = try trainer(budget: budget).datasets.makeTrainingData(examples)
    #expect(cached.set.isCached)
    #expect(cached.vocabulary == memory.vocabulary)
    #expect(cached.labelSets == memory.labelSets)
    #expect(cached.set.documentCount == memory.set.documentCount)
    #expect(cached.set.tokenCount == memory.set.tokenCount)
    let counts = memory.labelSets.map(\.count)
    #expect(
      try cached.set.countingLabels(labelsPerTask: counts)
        == memory.set.countingLabels(labelsPerTask: counts))
    let expected = try Self.documents(of: memory.set).sorted { $0.lexicographicallyPrecedes($1) }
    let found = try Self.documents(of: cached.set).sorted { $0.lexicographicallyPrecedes($1) }
    #expect(found == expected)
    let rows = memory.vocabulary.count + memory.features.buckets
    #expect(try cached.set.usedRows(rows: rows) == memory.set.usedRows(rows: rows))
  }

  @Test func aCachedCorpusGroupedByLabelTrainsAsWellAsInMemory() throws {
    let examples = Self.examples(count: 3_000)
    let test = Self.examples(count: 300, seed: 99)
    let cachedData = try Self.trainer(budget: 4_096).datasets.makeTrainingData(examples)
    #expect(cachedData.set.isCached)
    #expect((cachedData.set.cache?.shardCount ?? 0) >= 1)
    func accuracy(_ model: MultiTaskModel) throws -> Double {
      let predictor = try Predictor(model: model)
      var right = 0
      for example in test
      where try predictor.predict(example.text)[0].label
        == example.labels["topic"]
      {
        right += 1
      }
      return Double(right) / Double(test.count)
    }
    let inMemory = try accuracy(Self.trainer(budget: nil).train(examples: examples))
    let cached = try accuracy(Self.trainer(budget: 4_096).train(examples: examples))
    #expect(inMemory > 0.9)
    #expect(cached > inMemory - 0.03)
  }

  @Test func theSameSeedGivesTheSameCachedModel() throws {
    let examples = Self.examples(count: 900)
    let first = try Self.trainer(budget: 2_048).train(examples: examples)
    let second = try Self.trainer(budget: 2_048).train(examples: examples)
    #expect(try ModelFile.encode(first) == ModelFile.encode(second))
    var other = Self.trainer(budget: 2_048)
    other.training.seed = 2
    #expect(try ModelFile.encode(other.train(examples: examples)) != ModelFile.encode(first))
  }

  @Test func theCacheLeavesNoFileInItsDirectory() throws {
    let directory = try TemporaryDirectory()
    let data = try Self.trainer(budget: 1_024, directory: directory.url.path)
      .datasets.makeTrainingData(Self.examples(count: 600))
    #expect(data.set.isCached)
    // The files are unlinked as soon as they are made: nothing to clean up, even on a kill.
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
    _ = try Self.trainer(budget: 1_024, directory: directory.url.path).train(on: data)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
  }

  @Test func aMissingCacheDirectoryIsAClearError() throws {
    let trainer = Self.trainer(budget: 1_024, directory: "/nonexistent/cache")
    do {
      _ = try trainer.datasets.makeTrainingData(Self.examples(count: 300))
      Issue.record("expected an error")
    } catch {
      guard case .cache(let directory, _) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(directory == "/nonexistent/cache")
      #expect(error.description.contains("/nonexistent/cache"))
      #expect(error.description.contains("training.cacheDirectory"))
    }
  }

  @Test func automaticEpochsHoldOutPartOfACachedCorpus() throws {
    let log = EventLog()
    let examples = Self.examples(count: 1_500)
    _ = try Self.trainer(budget: 2_048, epochs: nil).train(
      examples: examples, onEvent: log.append)
    let heldOut = log.all.compactMap { event -> Int? in
      if case .heldOut(let documents) = event { return documents }
      return nil
    }
    #expect(heldOut == [150])
    let started = log.all.contains { event in
      if case .epochFinished(let summary) = event { return summary.devAccuracy["topic"] != nil }
      return false
    }
    #expect(started)
  }
}
