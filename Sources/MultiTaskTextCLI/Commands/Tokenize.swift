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
  /// document to document, by copying bytes directly, and written at once: a call into the
  /// writer, or an array append, per token costs more than tokenizing English.
  private func writeText(
    _ tokenized: TokenizedText, through line: inout [UInt8], to output: OutputWriter
  ) throws {
    var length = 1  // the newline
    for token in tokenized.tokens {
      length +=
        1
        + (token.isPlaceholder
          ? Token.placeholder(for: token.kind).utf8CodeUnitCount : token.range.count)
    }
    if line.count < length { line = [UInt8](repeating: 0, count: max(length, 2 * line.count)) }
    var written = 0
    line.withUnsafeMutableBufferPointer { buffer in
      tokenized.normalized.withUnsafeBufferPointer { text in
        for (index, token) in tokenized.tokens.enumerated() {
          if index > 0 {
            buffer[written] = UInt8(ascii: " ")
            written += 1
          }
          if token.isPlaceholder {
            let placeholder = Token.placeholder(for: token.kind)
            for offset in 0..<placeholder.utf8CodeUnitCount {
              buffer[written] = placeholder.utf8Start[offset]
              written += 1
            }
          } else {
            for offset in token.range {
              buffer[written] = text[offset]
              written += 1
            }
          }
        }
      }
      buffer[written] = UInt8(ascii: "\n")
      written += 1
    }
    try line.withUnsafeBufferPointer {
      try output.write(UnsafeBufferPointer(rebasing: $0[..<written]))
    }
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
