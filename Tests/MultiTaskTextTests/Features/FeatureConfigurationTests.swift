import Foundation
import Testing

@testable import MultiTaskText

@Suite struct FeatureConfigurationTests {
  @Test func defaultsAreValid() throws {
    let configuration = FeatureConfiguration()
    try configuration.validate()
    #expect(configuration.wordNgrams == 2)
    #expect(configuration.buckets == 1_000_000)
    #expect(configuration.minCount == 1)
    #expect(!configuration.usesCharacterNgrams)
  }

  @Test func shortKeysMapToCharacterNgramLengths() throws {
    let json = #"{"minn": 3, "maxn": 6, "wordNgrams": 1}"#
    let configuration = try JSONDecoder().decode(FeatureConfiguration.self, from: Data(json.utf8))
    #expect(configuration.minCharNgram == 3)
    #expect(configuration.maxCharNgram == 6)
    #expect(configuration.wordNgrams == 1)
    #expect(configuration.buckets == 1_000_000)
    let encoded = try JSONEncoder().encode(configuration)
    let keys = try JSONSerialization.jsonObject(with: encoded) as? [String: Int]
    #expect(keys?["minn"] == 3)
    #expect(keys?["maxn"] == 6)
    let decoded = try JSONDecoder().decode(FeatureConfiguration.self, from: encoded)
    #expect(decoded == configuration)
  }

  static let invalid: [(FeatureConfiguration, FeatureConfigurationError)] = [
    (
      FeatureConfiguration(buckets: 0),
      .outOfRange(key: "buckets", found: 0, expected: "1...134217728")
    ),
    (
      FeatureConfiguration(wordNgrams: 0),
      .outOfRange(key: "wordNgrams", found: 0, expected: "1...16")
    ),
    (
      FeatureConfiguration(minCount: 0),
      .outOfRange(key: "minCount", found: 0, expected: "at least 1")
    ),
    (
      FeatureConfiguration(minCharNgram: -1),
      .outOfRange(key: "minn", found: -1, expected: "at least 0")
    ),
    (
      FeatureConfiguration(minCharNgram: 5, maxCharNgram: 3),
      .emptyCharacterNgramRange(minn: 5, maxn: 3)
    ),
    (
      FeatureConfiguration(minCharNgram: 0, maxCharNgram: 3),
      .outOfRange(key: "minn", found: 0, expected: "at least 1 when maxn > 0")
    ),
  ]

  @Test(arguments: invalid)
  func invalidValuesAreRejectedByName(
    configuration: FeatureConfiguration, expected: FeatureConfigurationError
  ) {
    #expect(throws: expected) { try configuration.validate() }
  }

  @Test func errorDescriptionsNameTheKey() {
    let error = FeatureConfigurationError.outOfRange(key: "buckets", found: 0, expected: "1...9")
    #expect(error.description == "feature configuration: buckets is 0, expected 1...9")
  }

  @Test func featureIdsMustFitInThirtyTwoBits() {
    #expect(throws: FeatureConfigurationError.self) {
      try Featurizer(
        configuration: FeatureConfiguration(buckets: Int(Int32.max) - 10), vocabularySize: 11)
    }
  }
}
