import Testing

@testable import MultiTaskTextServer

/// With a key, every route but the probes needs `Authorization: Bearer KEY`.
struct AccessTests {
  @Test func routesNeedTheKeyButProbesDoNot() async throws {
    let harness = try await ServerHarness(apiKey: "s3cret-key")
    let body = ["texts": ["free prize"]]
    #expect(try await harness.predict(body).status == 401)
    #expect(try await harness.predict(body).errorCode == "unauthorized")
    let wrong = [("Authorization", "Bearer s3cret-kez")]
    #expect(try await harness.predict(body, headers: wrong).status == 401)
    let short = [("Authorization", "Bearer s3cret")]
    #expect(try await harness.predict(body, headers: short).status == 401)
    let basic = [("Authorization", "Basic s3cret-key")]
    #expect(try await harness.predict(body, headers: basic).status == 401)
    let right = [("Authorization", "Bearer s3cret-key")]
    #expect(try await harness.predict(body, headers: right).status == 200)
    #expect(try await harness.send(.get, "/v1/model").status == 401)
    #expect(try await harness.send(.get, "/v1/model", headers: right).status == 200)
    #expect(try await harness.send(.get, "/metrics").status == 401)
    #expect(try await harness.send(.post, "/v1/admin/reload", body: []).status == 401)
    #expect(
      try await harness.send(.post, "/v1/admin/reload", body: [], headers: right).status == 200)
    #expect(try await harness.send(.get, "/healthz").status == 200)
    #expect(try await harness.send(.get, "/readyz").status == 200)
    try await harness.stop()
  }

  @Test(arguments: [
    ("abc", "abc", true), ("abc", "abd", false), ("abc", "ab", false), ("", "", true),
    ("abcd", "abc", false),
  ])
  func keysCompareByteForByte(_ left: String, _ right: String, _ equal: Bool) {
    #expect(APIKey.constantTimeEqual(Array(left.utf8), Array(right.utf8)) == equal)
  }
}
