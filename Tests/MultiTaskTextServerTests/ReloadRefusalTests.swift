import Foundation
import MultiTaskText
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A reload that fails for any reason answers 422 at once, names what the path is, and the
/// old model keeps serving; a reload that finds another running is not counted as refused.
struct ReloadRefusalTests {
  struct Replacement: CustomTestStringConvertible, Sendable {
    var name: String
    /// A piece of the message the answer must carry.
    var mentions: String
    var testDescription: String { name }
  }

  static let replacements = [
    Replacement(name: "directory", mentions: "it is a directory, not a regular file"),
    Replacement(name: "fifo", mentions: "it is a named pipe (FIFO), not a regular file"),
    Replacement(name: "/dev/zero", mentions: "it is a character device, not a regular file"),
    Replacement(name: "text file", mentions: "model.mtl"),
    Replacement(name: "empty file", mentions: "model.mtl"),
  ]

  /// Puts something other than a model at `path`.
  static func replace(_ path: String, with name: String) throws {
    try FileManager.default.removeItem(atPath: path)
    switch name {
    case "directory":
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    case "fifo": #expect(mkfifo(path, 0o600) == 0)
    case "/dev/zero":
      try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
    case "text file": try Data("not a model\n".utf8).write(to: URL(fileURLWithPath: path))
    default: try Data().write(to: URL(fileURLWithPath: path))
    }
  }

  @Test(arguments: replacements)
  func aPathThatIsNotAModelIsRefusedAtOnce(_ replacement: Replacement) async throws {
    let harness = try await ServerHarness()
    let before = try await harness.predict(["texts": ["win a free prize"]])
    try Self.replace(harness.modelPath, with: replacement.name)
    let started = ContinuousClock.now
    let reload = try await harness.send(.post, "/v1/admin/reload", body: [])
    #expect(ContinuousClock.now - started < .seconds(3))
    #expect(reload.status == 422, "\(reload.body)")
    #expect(reload.errorCode == "model_unavailable")
    #expect(reload.body.contains(replacement.mentions), "\(reload.body)")
    let after = try await harness.predict(["texts": ["win a free prize"]])
    #expect(after.body == before.body)
    // A later reload is not held up by the refused one.
    #expect(try await harness.send(.post, "/v1/admin/reload", body: []).status == 422)
    try await harness.stop()
  }

  @Test func concurrentReloadsCountNoRefusal() async throws {
    let harness = try await ServerHarness()
    let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
      for _ in 0..<10 {
        group.addTask { try await harness.send(.post, "/v1/admin/reload", body: []).status }
      }
      return try await group.reduce(into: [Int]()) { $0.append($1) }
    }
    #expect(Set(statuses).isSubset(of: [200, 409]), "\(statuses)")
    let metrics = try await harness.send(.get, "/metrics").body
    let loaded = statuses.filter { $0 == 200 }.count
    let busy = statuses.filter { $0 == 409 }.count
    #expect(metrics.contains(#"mtl_model_reloads_total{result="loaded"} \#(loaded)"#))
    #expect(!metrics.contains(#"result="refused""#), "\(metrics)")
    if busy > 0 {
      #expect(metrics.contains(#"mtl_model_reloads_total{result="already_running"} \#(busy)"#))
    }
    #expect(metrics.contains("mtl_model_reload_failed 0"))
    try await harness.stop()
  }
}
