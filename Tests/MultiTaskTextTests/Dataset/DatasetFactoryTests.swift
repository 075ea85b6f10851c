import Testing

@testable import MultiTaskText

/// The trainer's in-memory convenience builds its datasets with a factory first, so training
/// on the factory's data gives the very same model.
struct DatasetFactoryTests {
  static let examples = (0..<40).map { index in
    Example(
      text: index.isMultiple(of: 2) ? "win a free prize now \(index)" : "see you at lunch \(index)",
      labels: ["spam": index.isMultiple(of: 2) ? "spam" : "ham"])
  }

  @Test func trainingOnExamplesEqualsTrainingOnTheFactorysData() throws {
    let trainer = Trainer(
      tasks: [TaskSpecification(name: "spam")], training: TrainingConfiguration(epochs: 2))
    let direct = try trainer.train(examples: Self.examples, development: Self.examples.prefix(6))
    let datasets = DatasetFactory(settingsOf: trainer)
    let data = try datasets.makeTrainingData(Self.examples)
    let development = try datasets.makeDevelopmentSet(Self.examples.prefix(6), for: data)
    #expect(development?.documentCount == 6)
    let built = try trainer.train(on: data, development: development)
    #expect(try ModelFile.encode(direct) == ModelFile.encode(built))
  }

  @Test func noDevExamplesMakeNoDevSet() throws {
    let datasets = DatasetFactory(tasks: [TaskSpecification(name: "spam")])
    let data = try datasets.makeTrainingData(Self.examples)
    #expect(try datasets.makeDevelopmentSet([Example](), for: data) == nil)
    // Automatic word n-grams are resolved from the corpus: short documents take bigrams.
    #expect(data.features.wordNgrams == 2 && !data.features.automaticWordNgrams)
  }
}
