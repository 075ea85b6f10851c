import ArgumentParser
import Foundation
import MultiTaskText

/// `mtl pretrain`: word and character n-gram vectors from unlabelled text, for
/// `model.pretrainedVectors`.
struct Pretrain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Train word and subword vectors on unlabelled text (skipgram or CBOW).",
    discussion: """
      Reads documents, one per line (a .jsonl file: each line's "text" field), tokenizes \
      them as training does, and trains fastText-style vectors on one thread: the same \
      seed and text give the same file. --output ending in .bin writes a fastText model \
      (words and character n-gram buckets; fasttext itself reads it), ending in .vec the \
      word vectors only. Give the file to model.pretrainedVectors with the same \
      model.dimension and text settings.
      """
  )

  @Argument(help: "Text files: one document per line, or .jsonl with a \"text\" field.")
  var files: [String]

  @Option(help: "The vectors file to write: .bin (fastText model) or .vec (words).")
  var output: String

  @Option(help: "skipgram or cbow.")
  var model: PretrainingModelArgument = .skipgram

  @Option(help: "Vector width; equal to model.dimension of the models that load it.")
  var dimension = PretrainingSettings().dimension

  @Option(help: "Passes over the text.")
  var epochs = PretrainingSettings().epochs

  @Option(help: "Starting learning rate.")
  var learningRate = PretrainingSettings().learningRate

  @Option(help: "Largest distance of a neighbour.")
  var window = PretrainingSettings().window

  @Option(help: "Negative examples per positive one.")
  var negatives = PretrainingSettings().negatives

  @Option(help: "Fewest occurrences of a word with a row of its own.")
  var minCount = PretrainingSettings().minCount

  @Option(help: "Shortest character n-gram.")
  var minn = PretrainingSettings().minCharNgram

  @Option(help: "Longest character n-gram; 0 for none.")
  var maxn = PretrainingSettings().maxCharNgram

  @Option(help: "Hashed rows for character n-grams.")
  var buckets = PretrainingSettings().buckets

  @Option(help: "Random seed.")
  var seed: UInt64 = PretrainingSettings().seed

  @OptionGroup(title: "Text preparation")
  var text: TextOptions

  func run() throws {
    guard output.hasSuffix(".bin") || output.hasSuffix(".vec") else {
      throw ValidationError("--output must end in .bin or .vec, found \(output)")
    }
    var settings = PretrainingSettings()
    settings.model = model.model
    (settings.dimension, settings.epochs, settings.learningRate) = (dimension, epochs, learningRate)
    (settings.window, settings.negatives, settings.minCount) = (window, negatives, minCount)
    (settings.minCharNgram, settings.maxCharNgram, settings.buckets) = (minn, maxn, buckets)
    settings.seed = seed
    let trainer: Pretrainer
    do { trainer = try Pretrainer(settings: settings) } catch {
      throw CommandFailure(error.description)
    }
    let start = ContinuousClock.now
    let corpus = try readCorpus()
    writeToStandardError(
      "read \(corpus.documentCount) documents, \(corpus.tokenCount) tokens;"
        + " \(corpus.words.count) words occur at least \(minCount) times")
    let trained = ContinuousClock.now
    let vectors: PretrainedVectors
    do {
      vectors = try trainer.train(corpus) { epoch in
        writeToStandardError("epoch \(epoch) of \(settings.epochs) done")
      }
    } catch { throw CommandFailure(error.description) }
    let seconds = Self.seconds(ContinuousClock.now - trained)
    let writer = AtomicFileWriter()
    do {
      if output.hasSuffix(".vec") {
        try writer.write(Array(vectors.vecText().utf8), to: output)
      } else {
        try writer.write(to: output) { (emit) throws(PersistenceError) in
          try vectors.writeFastTextBinary(emit)
        }
      }
    } catch { throw CommandFailure(error.description) }
    let rate = Double(corpus.trainingTokenCount * settings.epochs) / max(seconds, 1e-9)
    print(
      "pretrained \(settings.model.rawValue) vectors of \(corpus.words.count) words in"
        + " \(String(format: "%.1f", seconds)) s (\(Int(rate)) tokens/s, total"
        + " \(String(format: "%.1f", Self.seconds(ContinuousClock.now - start))) s); wrote"
        + " \(output)")
  }

  /// Reads every file into the corpus, a document per line or per JSONL record.
  private func readCorpus() throws -> PretrainingCorpus {
    let pipeline = try TextPipeline(normalizer: text.normalizer, tokenizer: text.tokenizer)
    var builder = PretrainingCorpusBuilder(pipeline: pipeline)
    for file in files {
      let isJSONL = file.hasSuffix(".jsonl")
      try forEachInputLine(of: [file]) { line, reader in
        let document: String
        if isJSONL {
          guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
          guard
            let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
            let text = object["text"] as? String
          else {
            throw CommandFailure(
              "\(reader.path):\(reader.lineNumber): not a JSON object with a \"text\" string")
          }
          document = text
        } else {
          document = String(decoding: line, as: UTF8.self)
        }
        do throws(PretrainingError) { try builder.add(document) } catch {
          throw CommandFailure("\(reader.path):\(reader.lineNumber): \(error.description)")
        }
      }
    }
    do { return try builder.finish(minCount: minCount) } catch {
      throw CommandFailure(error.description)
    }
  }

  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}

/// `--model`'s values.
enum PretrainingModelArgument: String, ExpressibleByArgument, CaseIterable {
  case skipgram, cbow

  var model: PretrainingModel { self == .skipgram ? .skipgram : .cbow }
}
