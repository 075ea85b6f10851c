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

/// The bearer scheme in any case, and the key file's surrounding whitespace.
struct BearerSchemeTests {
  @Test(arguments: [
    ("Bearer s3cret-key", true), ("bearer s3cret-key", true), ("BEARER s3cret-key", true),
    ("bEaReR   s3cret-key", true), ("Bearers3cret-key", false), ("Bearer s3cret-key ", false),
    ("Basic s3cret-key", false), ("Bearer", false), ("", false),
  ])
  func theSchemeIgnoresCase(_ header: String, _ accepted: Bool) {
    #expect(APIKey("s3cret-key").accepts(authorization: header) == accepted)
  }

  @Test func aLowercaseSchemeIsServed() async throws {
    let harness = try await ServerHarness(apiKey: "s3cret-key")
    let answer = try await harness.predict(
      ["texts": ["free prize"]], headers: [("Authorization", "bearer s3cret-key")])
    #expect(answer.status == 200)
    try await harness.stop()
  }

  @Test(arguments: [
    ("s3cret-key\n", "s3cret-key", false), ("s3cret-key  \n", "s3cret-key", true),
    ("\ts3cret-key\r\n", "s3cret-key", true), ("s3cret-key", "s3cret-key", false),
    ("s3cret-key \nsecond line\n", "s3cret-key", true),
  ])
  func theKeyFileLosesSurroundingWhitespace(_ contents: String, _ key: String, _ trimmed: Bool)
    throws
  {
    let found = try APIKeyFile.key(from: contents, path: "key.txt")
    #expect(found.key == key)
    #expect(found.trimmed == trimmed)
  }

  @Test func aKeyFileWithoutAKeyIsRefused() {
    #expect(throws: APIKeyFile.Problem.empty(path: "key.txt")) {
      try APIKeyFile.key(from: "   \n", path: "key.txt")
    }
    #expect(throws: APIKeyFile.Problem.innerWhitespace(path: "key.txt")) {
      try APIKeyFile.key(from: "two words\n", path: "key.txt")
    }
  }
}
