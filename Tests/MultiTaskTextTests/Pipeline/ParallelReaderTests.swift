import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// Reading the training corpora on several threads gives the model, the counts and the first
/// error that reading on one thread gives.
@Suite struct ParallelReaderTests {
  /// Words for generated documents; a few are rare so that the vocabulary cut matters.
  static let words = [
    "match", "goal", "team", "vote", "senate", "law", "film", "story", "acting", "price",
    "market", "shares", "rain", "storm", "sunny", "café", "naïve", "東京", "https://x.org/a",
    "12", "3.5", "déjà", "vu", "the", "a", "of", "and", "in", "zebra", "quokka",
  ]

  /// A deterministic document of 4 to 24 words.
  static func text(_ generator: inout SplitMix64) -> String {
    let count = 4 + Int(generator.next() % 21)
    return (0..<count).map { _ in words[Int(generator.next() % UInt64(words.count))] }
      .joined(separator: " ")
  }

  /// Four tasks over three files: `topic` and `sentiment` share one JSONL file whose lines
  /// label one, both or neither (so some documents wait for the later task's turn), with a
  /// broken record and a line of invalid UTF-8 among them; `tags` is multi-label; `kind`
  /// reads a fastText file and has a dev file.
  static func configuration(in directory: TemporaryDirectory) throws -> PipelineConfiguration {
    var generator = SplitMix64(seed: 11)
    var shared: [UInt8] = []
    for line in 0..<700 {
      let topic = ["sports", "politics", "money"][line % 3]
      let sentiment = ["positive", "negative"][(line / 3) % 2]
      let labels: String
      switch line % 5 {
      case 0: labels = "{\"sentiment\": \"\(sentiment)\"}"
      case 1, 2: labels = "{\"topic\": \"\(topic)\", \"sentiment\": \"\(sentiment)\"}"
      case 3: labels = "{\"topic\": \"\(topic)\"}"
      default: labels = "{}"
      }
      shared += Array("{\"text\": \"\(text(&generator))\", \"labels\": \(labels)}\n".utf8)
      if line == 37 || line == 400 { shared += Array("{\"text\": \"broken\n".utf8) }
      if line == 222 {
        shared += Array("{\"text\": \"odd ".utf8) + [0xC3]
        shared += Array("\", \"labels\": {\"topic\": \"money\"}}\n".utf8)
      }
    }
    var tags = ""
    for line in 0..<300 {
      let list = [["red"], ["red", "blue"], [], ["blue", "green"], ["green"]][line % 5]
      let json = list.map { "\"\($0)\"" }.joined(separator: ", ")
      tags += "{\"text\": \"\(text(&generator))\", \"label\": [\(json)]}\n"
    }
    var kind = ""
    var kindDev = ""
    for line in 0..<400 {
      kind += "__label__k\(line % 4) \(text(&generator))\n"
      if line < 60 { kindDev += "__label__k\(line % 4) \(text(&generator))\n" }
    }
    let sharedPath = try directory.write(shared, named: "shared.jsonl")
    let topic = TaskConfiguration(
      name: "topic", train: CorpusSource(path: sharedPath, format: .jsonl))
    let sentiment = TaskConfiguration(
      name: "sentiment", train: CorpusSource(path: sharedPath, format: .jsonl))
    var tagsTask = TaskConfiguration(
      name: "tags",
      train: CorpusSource(path: try directory.write(tags, named: "tags.jsonl"), format: .jsonl))
    tagsTask.specification.type = .multiLabel
    let kindTask = TaskConfiguration(
      name: "kind",
      train: CorpusSource(path: try directory.write(kind, named: "kind.txt"), format: .fasttext),
      dev: CorpusSource(path: try directory.write(kindDev, named: "dev.txt"), format: .fasttext))
    var configuration = PipelineConfiguration(tasks: [topic, sentiment, tagsTask, kindTask])
    configuration.model.dimension = 8
    configuration.features.buckets = 3_000
    configuration.features.minCount = 2
    configuration.features.maxCharNgram = 0
    configuration.training.epochs = 3
    configuration.training.learningRate = 0.5
    configuration.training.optimizer = .sgd
    configuration.training.threads = 1
    configuration.training.skipInvalid = true
    return configuration
  }

  /// The model file trained with reading on `threads` threads and training on one.
  static func modelBytes(
    _ configuration: PipelineConfiguration, readingThreads: Int, chunkRecords: Int
  ) throws -> [UInt8] {
    var pipeline = Pipeline(configuration: configuration)
    pipeline.readingThreads = readingThreads
    pipeline.readingChunkRecords = chunkRecords
    return try ModelFile.encode(try pipeline.train().model)
  }

  @Test(arguments: [(2, 1), (2, 7), (3, 64), (2, ParallelReader.defaultChunkRecords)])
  func readingOnSeveralThreadsGivesTheSameModelFile(threads: Int, chunkRecords: Int) throws {
    let directory = try TemporaryDirectory()
    let configuration = try Self.configuration(in: directory)
    let serial = try Self.modelBytes(configuration, readingThreads: 1, chunkRecords: chunkRecords)
    let parallel = try Self.modelBytes(
      configuration, readingThreads: threads, chunkRecords: chunkRecords)
    #expect(serial == parallel)
  }

  /// A budget of a few kilobytes sends the tokens and features of the same corpus to the
  /// disk cache; reading on several threads still gives the one-thread model.
  @Test(arguments: [1, 3])
  func readingIntoTheDiskCacheOnSeveralThreadsGivesTheSameModelFile(threads: Int) throws {
    let directory = try TemporaryDirectory()
    var configuration = try Self.configuration(in: directory)
    configuration.training.memoryBudget = 2_048
    configuration.training.cacheDirectory = directory.url.path
    let serial = try Self.modelBytes(configuration, readingThreads: 1, chunkRecords: 7)
    let parallel = try Self.modelBytes(configuration, readingThreads: threads, chunkRecords: 7)
    #expect(serial == parallel)
    configuration.training.memoryBudget = nil
    let inMemory = try Self.modelBytes(configuration, readingThreads: 1, chunkRecords: 7)
    // The cache changes the document order, so the model differs from the in-memory one.
    #expect(inMemory != serial)
  }

  @Test func readingOnSeveralThreadsCountsTheSameRecordsAndTokens() throws {
    let directory = try TemporaryDirectory()
    let configuration = try Self.configuration(in: directory)
    let serialPipeline = Pipeline(configuration: configuration)
    var parallelPipeline = serialPipeline
    parallelPipeline.readingThreads = 2
    parallelPipeline.readingChunkRecords = 5
    let serial = try serialPipeline.readTrainingSet(datasets: configuration.trainer.datasets)
    let parallel = try parallelPipeline.readTrainingSet(datasets: configuration.trainer.datasets)
    #expect(serial.corpusStatistics == parallel.corpusStatistics)
    #expect(serial.corpusStatistics.map(\.recordsSkipped) == [2, 0, 0])
    for task in configuration.tasks.indices {
      #expect(serial.labels(ofTask: task) == parallel.labels(ofTask: task))
    }
    let features = configuration.features
    let one = try serial.finish(features: features, threads: 1)
    // The featurizing threads split the documents; the set must not show where.
    let four = try parallel.finish(features: features, threads: 4)
    #expect(one.set.features == four.set.features)
    #expect(one.set.offsets == four.set.offsets)
    #expect(one.set.labels == four.set.labels)
    #expect(one.vocabulary == four.vocabulary)
    #expect(one.set.tokenCount > 3 * 4096, "too few tokens to featurize in several slices")
  }

  /// A fastText file for one single-label task with two problems: a line giving two labels,
  /// which the training set builder rejects, and a line with a NUL byte, which the reader
  /// rejects. Whichever comes first must be reported, however the file is cut into chunks.
  @Test(arguments: [(23, 41), (41, 23), (23, 24)])
  func theFirstErrorInTheFileIsReported(severalLabelsLine: Int, binaryLine: Int) throws {
    let directory = try TemporaryDirectory()
    var generator = SplitMix64(seed: 3)
    var bytes: [UInt8] = []
    for line in 1...200 {
      if line == severalLabelsLine {
        bytes += Array("__label__a __label__b two labels\n".utf8)
      } else if line == binaryLine {
        bytes += Array("__label__a bin".utf8) + [0] + Array("ary\n".utf8)
      } else {
        bytes += Array("__label__\(line % 2 == 0 ? "a" : "b") \(Self.text(&generator))\n".utf8)
      }
    }
    let path = try directory.write(bytes, named: "bad.txt")
    var configuration = PipelineConfiguration(
      tasks: [TaskConfiguration(name: "task", train: CorpusSource(path: path, format: .fasttext))])
    configuration.training.threads = 1
    func message(readingThreads: Int, chunkRecords: Int) -> String {
      var pipeline = Pipeline(configuration: configuration)
      pipeline.readingThreads = readingThreads
      pipeline.readingChunkRecords = chunkRecords
      do {
        _ = try pipeline.readTrainingSet(datasets: configuration.trainer.datasets)
        return "no error"
      } catch { return error.description }
    }
    let serial = message(readingThreads: 1, chunkRecords: 1)
    let first = min(severalLabelsLine, binaryLine)
    #expect(serial.contains("bad.txt:\(first)"), "\(serial)")
    for (threads, chunkRecords) in [(2, 1), (2, 5), (2, 22), (3, 40), (2, 8192)] {
      #expect(message(readingThreads: threads, chunkRecords: chunkRecords) == serial)
    }
  }
}
