/// Raw bytes in, tokens out: ICU normalization, ICU word segmentation, whole URLs and e-mail
/// addresses, then the tokenizer's keep, drop and placeholder options.
///
/// This is the first stage of every MultiTaskText model, and its settings travel inside the
/// model file so prediction prepares text exactly as training did. An instance owns ICU state
/// and scratch buffers and is reused document after document: create one per thread.
public final class TextPipeline {
  /// The normalizer stage.
  public let normalizer: ICUNormalizer
  /// The segmentation stage.
  public let tokenizer: ICUWordTokenizer

  private let linkDetector: LinkDetector
  private var edits: [TextEdit] = []
  private var segments: [Segment] = []
  private var links: [Segment] = []

  /// Opens the ICU engines for the given settings.
  ///
  /// - Throws: ``TextError/icu(operation:name:)`` if ICU cannot load its data.
  public init(
    normalizer: TextNormalizer = TextNormalizer(), tokenizer: Tokenizer = Tokenizer()
  ) throws(TextError) {
    self.normalizer = try ICUNormalizer(normalizer)
    self.tokenizer = try ICUWordTokenizer(tokenizer)
    self.linkDetector = LinkDetector(
      findsURLs: tokenizer.urls != .split, findsEmails: tokenizer.emails != .split)
  }

  /// Tokenizes `text`. Allocates a new result; loops should use ``tokenize(_:into:)``.
  public func tokenize(_ text: String) throws(TextError) -> TokenizedText {
    var result = TokenizedText()
    var text = text
    try text.withUTF8Bytes { (bytes) throws(TextError) in try tokenize(bytes, into: &result) }
    return result
  }

  /// Tokenizes UTF-8 `bytes` into `result`, reusing its storage.
  ///
  /// - Throws: ``TextError/invalidUTF8(offset:)`` under the `reject` policy,
  ///   ``TextError/documentTooLong(bytes:)``, or an ICU failure.
  public func tokenize(
    _ bytes: UnsafeRawBufferPointer, into result: inout TokenizedText
  ) throws(TextError) {
    result.reset()
    result.invalidByteCount = try normalizer.normalize(
      bytes, into: &result.normalized, edits: &edits)
    try result.normalized.withUnsafeBufferPointer { (text) throws(TextError) in
      try tokenizer.segment(text, into: &segments)
      linkDetector.detect(in: text, into: &links)
    }
    let map = OffsetMap(edits: edits)
    var linkIndex = 0
    var emittedLink = -1
    for segment in segments {
      // The links a segment overlaps replace the pieces ICU cut them into; the parts of the
      // segment outside every link stay tokens of their own. One segment may overlap several
      // links (ICU joins letters of different scripts), and one link several segments.
      var start = segment.range.lowerBound
      while start < segment.range.upperBound {
        while linkIndex < links.count && links[linkIndex].range.upperBound <= start {
          linkIndex += 1
        }
        guard linkIndex < links.count, links[linkIndex].range.lowerBound < segment.range.upperBound
        else {
          emit(
            Segment(range: start..<segment.range.upperBound, kind: segment.kind), map: map,
            into: &result)
          break
        }
        let link = links[linkIndex]
        if start < link.range.lowerBound {
          emit(
            Segment(range: start..<link.range.lowerBound, kind: segment.kind), map: map,
            into: &result)
        }
        if emittedLink != linkIndex {
          emit(link, map: map, into: &result)
          emittedLink = linkIndex
        }
        start = link.range.upperBound
      }
    }
  }

  private func emit(_ segment: Segment, map: OffsetMap, into result: inout TokenizedText) {
    let settings = tokenizer.settings
    guard settings.keeps(segment.kind) else { return }
    let isPlaceholder: Bool
    switch segment.kind {
    case .number: isPlaceholder = settings.mapsNumbers
    case .url: isPlaceholder = settings.urls == .placeholder
    case .email: isPlaceholder = settings.emails == .placeholder
    default: isPlaceholder = false
    }
    let original =
      edits.isEmpty
      ? segment.range
      : map.originalStart(
        of: segment.range.lowerBound)..<map.originalEnd(
          of: segment.range.upperBound)
    result.tokens.append(
      Token(
        kind: segment.kind, range: segment.range, originalRange: original,
        isPlaceholder: isPlaceholder))
  }
}
