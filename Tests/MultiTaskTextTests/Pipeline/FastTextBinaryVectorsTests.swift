import Foundation
import MultiTaskTextTestSupport
import Testing

@testable import MultiTaskText

/// Finds Debian's `fasttext` command, which the `.bin` comparison tests need.
enum FastTextCommand {
  /// The executable on `PATH`, if any.
  static let path: String? = {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    return directories.map { "\($0)/fasttext" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }()

  /// Whether the tests run: the command exists, or CI requires it.
  static var shouldRun: Bool { path != nil || SharedCorpora.isContinuousIntegration }

  /// Shown when they are skipped.
  static let skipMessage: Comment =
    "the fasttext command is not on PATH (apt-get install fasttext); skipped (required when CI=true)"

  /// Runs fasttext with `arguments` and `input` on standard input; returns standard output.
  static func run(_ arguments: [String], input: String = "") throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path ?? "fasttext")
    process.arguments = arguments
    let (inPipe, outPipe) = (Pipe(), Pipe())
    process.standardInput = inPipe
    process.standardOutput = outPipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    inPipe.fileHandleForWriting.write(Data(input.utf8))
    try inPipe.fileHandleForWriting.close()
    let output = outPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output, as: UTF8.self)
  }

  /// Parses `token v1 v2 …` lines into token → values.
  static func vectors(_ text: String) -> [(String, [Float])] {
    text.split(separator: "\n").map { line in
      let fields = line.split(separator: " ")
      return (String(fields[0]), fields.dropFirst().compactMap { Float($0) })
    }
  }
}

/// A `.bin` that Debian's `fasttext skipgram` trains in the test: each vocabulary word's vector
/// equals `fasttext print-word-vectors`, and each character n-gram bucket the row that
/// `fasttext print-ngrams` prints, non-ASCII n-grams (fastText's sign-extended hash) included.
@Suite(.enabled(if: FastTextCommand.shouldRun, FastTextCommand.skipMessage))
struct FastTextBinaryVectorsTests {
  static let words = ["café", "naïve", "straße", "日本語", "text", "cafés", "zebra"]
  static let vocabulary = Vocabulary(tokens: words, counts: [7, 6, 5, 4, 3, 2, 1])
  static let features = FeatureConfiguration(
    buckets: 100_000, minCharNgram: 2, maxCharNgram: 4)

  static func close(_ found: [Float]?, _ expected: [Float]) -> Bool {
    guard let found, found.count == expected.count else { return false }
    return zip(found, expected).allSatisfy { abs($0 - $1) <= 1e-6 + 1e-4 * abs($1) }
  }

  @Test func wordsAndBucketsMatchFastTextsOwnVectors() throws {
    guard FastTextCommand.path != nil else {
      Issue.record("the fasttext command is missing, and CI=true requires it")
      return
    }
    let directory = try TemporaryDirectory()
    let sentences = [
      "the café serves a naïve text", "straße text café", "日本語 text naïve café",
      "a text about the straße", "naïve 日本語 straße",
    ]
    let corpus = (0..<200).map { sentences[$0 % sentences.count] }.joined(separator: "\n")
    let input = try directory.write(corpus + "\n", named: "corpus.txt")
    let output = directory.url.appendingPathComponent("model").path
    _ = try FastTextCommand.run([
      "skipgram", "-input", input, "-output", output, "-dim", "8", "-minCount", "1", "-minn",
      "2", "-maxn", "4", "-bucket", "2000", "-epoch", "5", "-t", "1", "-thread", "1", "-verbose",
      "0",
    ])
    let vectors = try PretrainedVectorsReader.read(
      path: output + ".bin", dimension: 8, vocabulary: Self.vocabulary, features: Self.features)

    let printed = FastTextCommand.vectors(
      try FastTextCommand.run(
        ["print-word-vectors", output + ".bin"], input: Self.words.joined(separator: "\n")))
    #expect(printed.count == Self.words.count)
    for (word, expected) in printed {
      let id = Self.vocabulary.id(of: word).rawValue
      #expect(Self.close(vectors.rows[id], expected), "\(word): \(vectors.rows[id] ?? [])")
    }

    var checked = 0
    var nonASCII = 0
    for word in ["café", "日本語"] {
      let ngrams = FastTextCommand.vectors(
        try FastTextCommand.run(["print-ngrams", output + ".bin", word]))
      for (ngram, expected) in ngrams where ngram != word {
        let row = Int32(Self.vocabulary.count + Int(FNV1a.hash(ngram) % 100_000))
        #expect(Self.close(vectors.rows[row], expected), "n-gram \(ngram)")
        checked += 1
        // A trained non-ASCII n-gram, found only through fastText's sign-extended hash.
        if ngram.utf8.contains(where: { $0 >= 0x80 }) && expected.contains(where: { $0 != 0 }) {
          nonASCII += 1
        }
      }
    }
    #expect(checked > 10)
    #expect(nonASCII > 5)
  }

  @Test func aDimensionMismatchIsCaughtBeforeTheDictionary() throws {
    guard FastTextCommand.path != nil else { return }
    let directory = try TemporaryDirectory()
    let input = try directory.write(String(repeating: "a b c d\n", count: 50), named: "c.txt")
    let output = directory.url.appendingPathComponent("model").path
    _ = try FastTextCommand.run([
      "skipgram", "-input", input, "-output", output, "-dim", "4", "-minCount", "1", "-bucket",
      "100", "-epoch", "1", "-thread", "1", "-verbose", "0",
    ])
    #expect(
      throws: PretrainedVectorsError.binaryDimension(
        path: output + ".bin", expected: 8, found: 4)
    ) {
      try PretrainedVectorsReader.read(
        path: output + ".bin", dimension: 8, vocabulary: Self.vocabulary, features: Self.features)
    }
  }
}
