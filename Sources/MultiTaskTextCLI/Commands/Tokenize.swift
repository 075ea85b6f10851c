import ArgumentParser
import MultiTaskText

/// `mtl tokenize`: one document per line in, one line of tokens per document out.
struct Tokenize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Normalize and tokenize documents, one per line.",
    discussion: """
      Reads the files in order, or standard input when none are given. Writes one line per \
      input line: the tokens separated by single spaces, or with --format jsonl, a JSON object \
      with each token's text, kind and byte range in the original line.
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl
  }

  @Option(help: "Output format: text or jsonl.")
  var format: Format = .text

  @OptionGroup(title: "Text preparation")
  var text: TextOptions

  @Argument(help: "Files with one document per line (default: standard input).")
  var files: [String] = []

  func run() throws {
    let pipeline = try TextPipeline(normalizer: text.normalizer, tokenizer: text.tokenizer)
    let output = OutputWriter()
    var tokenized = TokenizedText()
    var tokenLine: [UInt8] = []
    var repairedBytes = 0
    var repairedLines = 0
    var firstRepair: String?

    try forEachInputLine(of: files) { line, reader in
      do {
        try pipeline.tokenize(line, into: &tokenized)
      } catch {
        throw CommandFailure("\(reader.path):\(reader.lineNumber): \(error)")
      }
      if tokenized.invalidByteCount > 0 {
        repairedBytes += tokenized.invalidByteCount
        repairedLines += 1
        if firstRepair == nil { firstRepair = "\(reader.path):\(reader.lineNumber)" }
      }
      switch format {
      case .text: try writeText(tokenized, through: &tokenLine, to: output)
      case .jsonl: try writeJSON(tokenized, to: output)
      }
    }
    try output.flush()
    if let firstRepair {
      writeToStandardError(
        "mtl: warning: replaced \(repairedBytes) invalid UTF-8 byte(s) with U+FFFD in "
          + "\(repairedLines) line(s), first at \(firstRepair)")
    }
  }

  /// Writes the tokens as one line. The line is put together in `line`, a buffer reused from
  /// document to document, and written at once: two calls into the writer per token cost more
  /// than tokenizing English.
  private func writeText(
    _ tokenized: TokenizedText, through line: inout [UInt8], to output: OutputWriter
  ) throws {
    line.removeAll(keepingCapacity: true)
    for (index, token) in tokenized.tokens.enumerated() {
      if index > 0 { line.append(UInt8(ascii: " ")) }
      tokenized.withUTF8(of: token) { line.append(contentsOf: $0) }
    }
    line.append(UInt8(ascii: "\n"))
    try line.withUnsafeBufferPointer { try output.write($0) }
  }

  private func writeJSON(_ tokenized: TokenizedText, to output: OutputWriter) throws {
    try output.write("{\"tokens\":[")
    for (index, token) in tokenized.tokens.enumerated() {
      try output.write(index > 0 ? ",{\"text\":\"" : "{\"text\":\"")
      try tokenized.withUTF8(of: token) { try output.writeJSONEscaped($0) }
      try output.write("\",\"kind\":\"")
      try output.write(token.kind.rawValue)
      try output.write(
        "\",\"start\":\(token.originalRange.lowerBound),\"end\":\(token.originalRange.upperBound)}"
      )
    }
    try output.write("]")
    if tokenized.invalidByteCount > 0 {
      try output.write(",\"invalidBytes\":\(tokenized.invalidByteCount)")
    }
    try output.write("}\n")
  }
}
