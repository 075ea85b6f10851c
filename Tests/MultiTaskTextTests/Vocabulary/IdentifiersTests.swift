import Foundation
import Testing

@testable import MultiTaskText

@Suite struct IdentifiersTests {
  @Test func identifiersEncodeAsBareIntegers() throws {
    let encoded = try JSONEncoder().encode([TokenID(3), TokenID.outOfVocabulary])
    #expect(String(decoding: encoded, as: UTF8.self) == "[3,-1]")
    let decoded = try JSONDecoder().decode([LabelID].self, from: Data("[7,0]".utf8))
    #expect(decoded == [LabelID(7), LabelID(0)])
  }

  @Test func identifiersOrderByRawValue() {
    #expect([LabelID(2), LabelID(0), LabelID(1)].sorted() == [LabelID(0), LabelID(1), LabelID(2)])
    #expect(!TokenID.outOfVocabulary.isInVocabulary)
    #expect(TokenID(0).isInVocabulary)
  }
}
