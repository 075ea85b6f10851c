import Foundation
import Testing

@testable import MultiTaskText

/// `wordNgrams: auto` picks bigrams for short documents and words alone for long ones, and a
/// model records the number it picked.
struct AutomaticWordNgramsTests {
  @Test func resolvesByDocumentLength() {
    let automatic = FeatureConfiguration()
    #expect(automatic.automaticWordNgrams)
    let resolver = FeatureResolver(automatic)
    #expect(resolver.resolved(averageTokens: 20, multiLabel: false).wordNgrams == 2)
    #expect(resolver.resolved(averageTokens: 465, multiLabel: false).wordNgrams == 1)
    #expect(!resolver.resolved(averageTokens: 465, multiLabel: false).automaticWordNgrams)
    // Multi-label models take words alone and the document marker, whatever the length.
    let multiLabel = resolver.resolved(averageTokens: 20, multiLabel: true)
    #expect(multiLabel.wordNgrams == 1 && multiLabel.documentMarker)
    let fixed = FeatureConfiguration(wordNgrams: 3)
    #expect(FeatureResolver(fixed).resolved(averageTokens: 465, multiLabel: true).wordNgrams == 3)
    var set = FeatureConfiguration()
    set.wordNgrams = 1
    #expect(!set.automaticWordNgrams)
  }

  @Test func aTrainedModelRecordsTheChosenNumber() throws {
    let words = (0..<250).map { "w\($0)" }.joined(separator: " ")
    let examples = (0..<6).map { index in
      Example(
        text: (index.isMultiple(of: 2) ? "good " : "bad ") + words,
        labels: ["t": index.isMultiple(of: 2) ? "good" : "bad"])
    }
    let trainer = Trainer(
      tasks: [TaskSpecification(name: "t")], features: FeatureConfiguration(buckets: 10),
      model: ModelConfiguration(dimension: 4), training: TrainingConfiguration(epochs: 1))
    let model = try trainer.train(examples: examples)
    #expect(model.manifest.features.wordNgrams == 1)
    #expect(!model.manifest.features.automaticWordNgrams)
    let manifest = String(decoding: try JSONEncoder().encode(model.manifest), as: UTF8.self)
    #expect(!manifest.contains("automaticWordNgrams"))
  }
}
