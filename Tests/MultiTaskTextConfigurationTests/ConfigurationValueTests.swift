import Testing

@testable import MultiTaskText
@testable import MultiTaskTextConfiguration

@Suite struct ConfigurationValueTests {
  static let scalars: [(String, ConfigurationValue)] = [
    ("", .null), ("~", .null), ("null", .null), ("true", .bool(true)), ("False", .bool(false)),
    ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("10", .integer(10)),
    ("-3", .integer(-3)), ("0x1F", .integer(31)), ("0o17", .integer(15)), ("0.5", .number(0.5)),
    ("1e3", .number(1000)), ("-.5", .number(-0.5)), (".inf", .number(.infinity)),
    ("1_000", .string("1_000")), ("fifty", .string("fifty")), ("e5", .string("e5")),
    ("1.2.3", .string("1.2.3")), ("runs/demo", .string("runs/demo")),
  ]

  @Test(arguments: scalars)
  func plainScalarsFollowTheYAMLCoreSchema(text: String, expected: ConfigurationValue) {
    #expect(ConfigurationValue(plainScalar: text) == expected)
  }

  static let suggestions: [(String, [String], String?)] = [
    ("learningrate", ["epochs", "learningRate"], "learningRate"),
    ("epoch", ["epochs", "learningRate"], "epochs"),
    ("EPOCHS", ["epochs"], "epochs"),
    ("dimensions", ["dimension"], "dimension"),
    ("size", ["dimension"], nil),
  ]

  @Test(arguments: suggestions)
  func suggestionsPickTheNearestKey(key: String, candidates: [String], expected: String?) {
    #expect(ConfigurationKeySuggestion.closest(to: key, among: candidates) == expected)
  }

  @Test func editDistanceCountsSingleCharacterEdits() {
    #expect(ConfigurationKeySuggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
    #expect(ConfigurationKeySuggestion.editDistance([], Array("abc")) == 3)
    #expect(ConfigurationKeySuggestion.editDistance(Array("abc"), Array("abc")) == 0)
  }
}
