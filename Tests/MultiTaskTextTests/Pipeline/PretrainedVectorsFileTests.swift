import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// fastText `.vec` files: the vocabulary's words are read, and every damaged file is an error
/// naming the file and the line.
struct PretrainedVectorsFileTests {
  static let vocabulary = Vocabulary(tokens: ["good", "bad"], counts: [2, 1])

  static func read(_ text: String, dimension: Int = 3) throws -> InitialVectors {
    let directory = try TemporaryDirectory()
    let path = try directory.write(text, named: "v.vec")
    return try PretrainedVectorsFile.read(path: path, dimension: dimension, vocabulary: vocabulary)
  }

  static func error(_ text: String, dimension: Int = 3) throws -> PretrainedVectorsError? {
    let directory = try TemporaryDirectory()
    let path = try directory.write(text, named: "v.vec")
    do {
      _ = try PretrainedVectorsFile.read(path: path, dimension: dimension, vocabulary: vocabulary)
      return nil
    } catch {
      return error
    }
  }

  @Test func keepsOnlyTheVocabularysWords() throws {
    let vectors = try Self.read("3 3\ngood 0.5 -1 2 \nugly 1 1 1 \nbad 0 0.25 1\n")
    #expect(vectors.count == 2)
    #expect(vectors.rows[Self.vocabulary.id(of: "good").rawValue] == [0.5, -1, 2])
    #expect(vectors.rows[Self.vocabulary.id(of: "bad").rawValue] == [0, 0.25, 1])
  }

  @Test func aDimensionMismatchNamesTheLine() throws {
    guard case .dimensionMismatch(_, 1, 4, 3) = try Self.error("2 3\ngood 1 2 3\n", dimension: 4)
    else {
      Issue.record("the header's dimension was not checked")
      return
    }
    guard case .dimensionMismatch(_, 3, 3, 2) = try Self.error("2 3\ngood 1 2 3\nbad 1 2\n")
    else {
      Issue.record("a short line was not found")
      return
    }
  }

  @Test func malformedAndTruncatedFilesAreErrors() throws {
    guard case .malformedLine(_, 2, let problem) = try Self.error("1 3\ngood 1 x 3\n") else {
      Issue.record("a non-number was accepted")
      return
    }
    #expect(problem.contains("\"x\""))
    guard case .truncated(_, 5, 1) = try Self.error("5 3\ngood 1 2 3\n") else {
      Issue.record("a truncated file was accepted")
      return
    }
    guard case .malformedHeader = try Self.error("good 1 2 3\n") else {
      Issue.record("a file without a header was accepted")
      return
    }
    let message = try #require(try Self.error("1 3\ngood 1 nan 3\n")).description
    #expect(message.hasSuffix("v.vec:2: \"nan\" is not a finite number"))
  }

  @Test func vectorsStartTheirWordsRows() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("1 4\ngood 0.5 0.5 0.5 0.5\n", named: "v.vec")
    let examples = [
      Example(text: "good", labels: ["t": "a"]), Example(text: "bad", labels: ["t": "b"]),
    ]
    let trainer = Trainer(
      tasks: [TaskSpecification(name: "t")],
      features: FeatureConfiguration(wordNgrams: 1, buckets: 1),
      model: ModelConfiguration(dimension: 4),
      training: TrainingConfiguration(epochs: 1, learningRate: 1e-9))
    let data = try trainer.datasets.makeTrainingData(examples)
    let vectors = try PretrainedVectorsFile.read(
      path: path, dimension: 4, vocabulary: data.vocabulary)
    let log = EventLog()
    let model = try trainer.train(on: data, initialVectors: vectors, onEvent: log.append)
    let row = model.embeddings.row(Int(data.vocabulary.id(of: "good").rawValue))
    #expect(row.allSatisfy { abs($0 - 0.5) < 1e-4 })
    let used = log.all.compactMap { event -> Int? in
      if case .pretrainedVectors(let words) = event { return words }
      return nil
    }
    #expect(used == [1])
  }
}
