import Foundation

/// A fresh directory under the system's temporary folder, removed when the value is freed.
///
/// Tests write their tiny fixtures here so no fixture file needs checking in. It lives in a
/// support module of its own so that every test target shares one copy.
public final class TemporaryDirectory {
  /// The directory's location.
  public let url: URL

  /// Creates the directory.
  public init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("MultiTaskTextTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    // Best effort: a directory a test already removed is not a failure.
    try? FileManager.default.removeItem(at: url)
  }

  /// Writes `bytes` to a file named `name` and returns its path.
  public func write(_ bytes: [UInt8], named name: String) throws -> String {
    let fileURL = url.appendingPathComponent(name)
    try Data(bytes).write(to: fileURL)
    return fileURL.path
  }

  /// Writes `text` as UTF-8 to a file named `name` and returns its path.
  public func write(_ text: String, named name: String) throws -> String {
    try write(Array(text.utf8), named: name)
  }
}
