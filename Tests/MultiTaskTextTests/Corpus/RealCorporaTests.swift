import Foundation
import Testing

@testable import MultiTaskText

/// One published file and the counts its `SOURCE.md` gives for it.
struct PublishedCorpusFile: Sendable, CustomTestStringConvertible {
  var relativePath: String
  var format: CorpusFormat
  var configure: @Sendable (inout CorpusSource) -> Void = { _ in }
  var examples: Int
  var labelCounts: [String: Int]
  var repairedLines = 0

  var testDescription: String { relativePath }

  static let all: [PublishedCorpusFile] = [
    PublishedCorpusFile(
      relativePath: "sms_spam/original/SMSSpamCollection", format: .tsv,
      configure: {
        $0.hasHeader = false
        $0.textColumns = [.index(1)]
        $0.labelColumns = ["default": .index(0)]
      },
      examples: 5_574, labelCounts: ["ham": 4_827, "spam": 747]),
    PublishedCorpusFile(
      relativePath: "ag_news/original/test.csv", format: .csv,
      configure: {
        $0.hasHeader = false
        $0.textColumns = [.index(1), .index(2)]
        $0.labelColumns = ["default": .index(0)]
      },
      examples: 7_600, labelCounts: ["1": 1_900, "2": 1_900, "3": 1_900, "4": 1_900]),
    PublishedCorpusFile(
      relativePath: "ag_news/original/train_subset_noisyag/samples10000valMed.csv", format: .csv,
      configure: { $0.labelField = "gt" },
      examples: 10_000, labelCounts: ["0": 2_514, "1": 2_504, "2": 2_519, "3": 2_463]),
    PublishedCorpusFile(
      relativePath: "chnsenticorp_htl/original/ChnSentiCorp_htl_all.csv", format: .csv,
      configure: { $0.textField = "review" },
      examples: 7_766, labelCounts: ["1": 5_322, "0": 2_444]),
    PublishedCorpusFile(
      relativePath: "sst2/original/stsa.binary.train", format: .fasttext,
      configure: { $0.labelPrefix = "" },
      examples: 6_920, labelCounts: ["0": 3_310, "1": 3_610]),
    PublishedCorpusFile(
      relativePath: "sst2/original/stsa.binary.dev", format: .fasttext,
      configure: { $0.labelPrefix = "" },
      examples: 872, labelCounts: ["0": 428, "1": 444]),
    PublishedCorpusFile(
      relativePath: "thucnews_titles/original/dev.txt", format: .tsv,
      configure: {
        $0.hasHeader = false
        $0.textColumns = [.index(0)]
        $0.labelColumns = ["default": .index(1)]
      },
      examples: 10_000,
      labelCounts: Dictionary(uniqueKeysWithValues: (0..<10).map { ("\($0)", 1_000) })),
    PublishedCorpusFile(
      relativePath: "subj/original/subj.subjective", format: .fasttext,
      configure: { $0.encoding = .windows1252 }, examples: 5_000, labelCounts: [:]),
    PublishedCorpusFile(
      relativePath: "cr/original/custrev.pos", format: .fasttext,
      examples: 2_405, labelCounts: [:]),
    PublishedCorpusFile(
      relativePath: "ag_news/train.jsonl", format: .jsonl,
      // The README gives the total; the per-label counts were taken with Python's json module.
      examples: 8_980,
      labelCounts: [
        "World": 2_278, "Sports": 2_257, "Business": 2_242,
        "Sci/Tech": 2_203,
      ]),
  ]
}

extension CorpusTests {
  @Suite("Published corpora", .enabled(if: SharedCorpora.shouldRun, SharedCorpora.skipMessage))
  struct RealCorporaTests {
    @Test(arguments: PublishedCorpusFile.all)
    func countsMatchTheSourceNotes(file: PublishedCorpusFile) throws {
      guard let corpora = SharedCorpora.require() else { return }
      var source = CorpusSource(
        path: corpora.appendingPathComponent(file.relativePath).path, format: file.format)
      file.configure(&source)
      var labelCounts: [String: Int] = [:]
      let reader = try CorpusReader(source: source)
      try reader.forEach { example in
        if let label = example.labels["default"] { labelCounts[label, default: 0] += 1 }
      }
      #expect(reader.statistics.examplesRead == file.examples)
      #expect(labelCounts == file.labelCounts)
      #expect(reader.statistics.repairedLines == file.repairedLines)
      #expect(reader.statistics.recordsSkipped == 0)
    }

    @Test func decodesTheLatin1ByteInTREC() throws {
      guard let corpora = SharedCorpora.require() else { return }
      let path = corpora.appendingPathComponent("trec/original/TREC.train").path
      var source = CorpusSource(path: path, format: .fasttext, encoding: .latin1)
      source.labelPrefix = ""
      var coarse: [String: Int] = [:]
      var withEth = 0
      let reader = try CorpusReader(source: source)
      try reader.forEach { example in
        let label = example.labels["default"] ?? ""
        coarse[String(label.prefix { $0 != ":" }), default: 0] += 1
        if example.text.contains("ð") { withEth += 1 }
      }
      #expect(reader.statistics.examplesRead == 5_452)
      #expect(
        coarse == [
          "ABBR": 86, "DESC": 1_162, "ENTY": 1_250, "HUM": 1_223, "LOC": 835, "NUM": 896,
        ])
      #expect(withEth == 1)

      source.encoding = .utf8
      let (_, asUTF8) = try readAll(source)
      #expect(asUTF8.repairedLines == 1)
    }

    @Test func windows1252TextNeedsItsEncoding() throws {
      guard let corpora = SharedCorpora.require() else { return }
      let path = corpora.appendingPathComponent("subj/original/subj.subjective").path
      let (decoded, _) = try readAll(
        CorpusSource(path: path, format: .fasttext, encoding: .windows1252))
      #expect(decoded.contains { $0.text.contains("é") })
      #expect(!decoded.contains { $0.text.contains("\u{FFFD}") })
      let (_, asUTF8) = try readAll(CorpusSource(path: path, format: .fasttext))
      #expect(asUTF8.repairedLines > 0)
    }
  }
}
