import Foundation
import MultiTaskTextTestSupport

@testable import MultiTaskText

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
