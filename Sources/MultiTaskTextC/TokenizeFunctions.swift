import CMultiTaskText
import MultiTaskText

// Tokenizing: `mtl_tokenize` in multitasktext.h.

/// `mtl_tokenize`: the JSON lines `mtl tokenize --format jsonl` prints for a batch.
@_cdecl("mtl_tokenize")
public func mtlTokenize(
  _ texts: UnsafePointer<CChar>?, _ offsets: UnsafePointer<UInt64>?, _ count: UInt64,
  _ options: UnsafePointer<mtl_tokenize_options>?,
  _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ outLength: UnsafeMutablePointer<UInt64>?
) -> Int32 {
  withStatus {
    let batch = try DocumentBatch(texts: texts, offsets: offsets, count: count)
    var settings = mtl_tokenize_options()
    if let options { settings = options.pointee } else { mtl_tokenize_options_default(&settings) }
    let pipeline = try TextPipeline(
      normalizer: try TextNormalizer(checking: settings),
      tokenizer: try Tokenizer(checking: settings))
    var tokenized = TokenizedText()
    var output: [UInt8] = []
    for index in 0..<batch.count {
      do { try pipeline.tokenize(batch.document(index), into: &tokenized) } catch {
        throw CFailure(code: MTL_ERROR_TEXT, message: "document \(index): \(error)")
      }
      TokenJSON.appendLine(of: tokenized, to: &output)
    }
    try OutputBuffer.deliver(output, to: out, length: outLength)
  }
}

extension TextNormalizer {
  /// The normalizer of a C options struct.
  init(checking options: mtl_tokenize_options) throws(CFailure) {
    let forms: [Form] = [.none, .nfc, .nfkc]
    guard forms.indices.contains(Int(options.normalization)) else {
      throw .invalidArgument(
        "normalization must be 0 (none), 1 (nfc) or 2 (nfkc), found \(options.normalization)")
    }
    self.init(
      form: forms[Int(options.normalization)], caseFolding: options.case_folding != 0,
      stripsLatinAccents: options.strip_accents != 0,
      invalidUTF8: options.strict_utf8 != 0 ? .reject : .replace)
  }
}

extension Tokenizer {
  /// The tokenizer of a C options struct.
  init(checking options: mtl_tokenize_options) throws(CFailure) {
    self.init(
      dropsPunctuation: options.drop_punctuation != 0, dropsSymbols: options.drop_symbols != 0,
      mapsNumbers: options.number_placeholder != 0,
      urls: try Self.linkHandling(options.urls, name: "urls"),
      emails: try Self.linkHandling(options.emails, name: "emails"),
      locale: options.locale.map { String(cString: $0) } ?? "")
  }

  private static func linkHandling(_ value: Int32, name: String) throws(CFailure) -> LinkHandling {
    let choices: [LinkHandling] = [.split, .keep, .placeholder]
    guard choices.indices.contains(Int(value)) else {
      throw .invalidArgument(
        "\(name) must be 0 (split), 1 (keep) or 2 (placeholder), found \(value)")
    }
    return choices[Int(value)]
  }
}
