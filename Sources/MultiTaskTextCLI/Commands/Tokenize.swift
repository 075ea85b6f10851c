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
  /// document to document, by copying each token's bytes at once, and written at once: a call
  /// into the writer, or an array append, per token costs more than tokenizing English. The
  /// buffer is sized by a bound (the normalized text plus a separator and the longest
  /// placeholder per token) instead of a first pass over the tokens.
  private func writeText(
    _ tokenized: TokenizedText, through line: inout [UInt8], to output: OutputWriter
  ) throws {
    // 16 bytes of slack: `joinTokens` may copy a word past a token's end.
    let bound = tokenized.normalized.count + tokenized.tokens.count * 8 + 1 + 16
    if line.count < bound { line = [UInt8](repeating: 0, count: max(bound, 2 * line.count)) }
    let written = line.withUnsafeMutableBufferPointer { buffer in
      // Never nil: the bound is at least 17 bytes.
      guard let start = buffer.baseAddress else { return 0 }
      return tokenized.normalized.withUnsafeBufferPointer { text in
        tokenized.tokens.withUnsafeBufferPointer { tokens in
          Self.joinTokens(tokens, of: text, into: start)
        }
      }
    }
    try line.withUnsafeBufferPointer {
      try output.write(UnsafeBufferPointer(rebasing: $0[..<written]))
    }
  }

  /// Copies the tokens' texts, separated by spaces and ended by a newline, to `destination`,
  /// which has room for them; returns the number of bytes written.
  private static func joinTokens(
    _ tokens: UnsafeBufferPointer<Token>, of text: UnsafeBufferPointer<UInt8>,
    into destination: UnsafeMutablePointer<UInt8>
  ) -> Int {
    var cursor = destination
    for token in tokens {
      if token.isPlaceholder {
        let placeholder = Token.placeholder(for: token.kind)
        cursor.update(from: placeholder.utf8Start, count: placeholder.utf8CodeUnitCount)
        cursor += placeholder.utf8CodeUnitCount
      } else if let base = text.baseAddress {
        copyToken(
          from: base + token.range.lowerBound, count: token.range.count, to: cursor,
          sourceEnd: base + text.count)
        cursor += token.range.count
      }
      cursor.pointee = UInt8(ascii: " ")
      cursor += 1
    }
    // The last token's separator becomes the newline; a line without tokens is just one.
    if cursor == destination { cursor += 1 }
    (cursor - 1).pointee = UInt8(ascii: "\n")
    return cursor - destination
  }

  /// Most tokens are a few bytes long, and a call to memmove each costs more than the copy: up
  /// to 16 bytes go as two 8-byte words, when the source has 16 bytes to read before
  /// `sourceEnd`. The copy may write past `count` bytes; the caller leaves that room, and what
  /// it writes next overwrites them.
  private static func copyToken(
    from source: UnsafePointer<UInt8>, count: Int, to destination: UnsafeMutablePointer<UInt8>,
    sourceEnd: UnsafePointer<UInt8>
  ) {
    guard count <= 16, sourceEnd - source >= 16 else {
      destination.update(from: source, count: count)
      return
    }
    let raw = UnsafeRawPointer(source)
    let target = UnsafeMutableRawPointer(destination)
    target.storeBytes(of: raw.loadUnaligned(as: UInt64.self), as: UInt64.self)
    target.storeBytes(
      of: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
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
