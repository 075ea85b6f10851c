import Foundation

@testable import MultiTaskText

/// A fresh directory under the system's temporary folder, removed when the value is freed.
///
/// Tests write their tiny fixtures here so no fixture file needs checking in.
final class TemporaryDirectory {
  /// The directory's location.
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("MultiTaskTextTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// Writes `bytes` to a file named `name` and returns its path.
  func write(_ bytes: [UInt8], named name: String) throws -> String {
    let fileURL = url.appendingPathComponent(name)
    try Data(bytes).write(to: fileURL)
    return fileURL.path
  }

  /// Writes `text` as UTF-8 to a file named `name` and returns its path.
  func write(_ text: String, named name: String) throws -> String {
    try write(Array(text.utf8), named: name)
  }
}

/// Reads every example of `source`, returning them with the final statistics.
func readAll(_ source: CorpusSource) throws(CorpusError) -> ([Example], CorpusStatistics) {
  let reader = try CorpusReader(source: source)
  var examples: [Example] = []
  while let example = try reader.next() { examples.append(example) }
  return (examples, reader.statistics)
}

/// Writes `contents` to a fresh file and reads it back with the given settings.
func readFixture(
  _ contents: String, named name: String, in directory: TemporaryDirectory,
  configure: (inout CorpusSource) -> Void = { _ in }, format: CorpusFormat
) throws -> ([Example], CorpusStatistics, String) {
  let path = try directory.write(contents, named: name)
  var source = CorpusSource(path: path, format: format)
  configure(&source)
  let (examples, statistics) = try readAll(source)
  return (examples, statistics, path)
}
