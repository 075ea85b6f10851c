internal import CICUShim

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
  private let shortcuts: Bool
  private var edits: [TextEdit] = []
  private var links: [Segment] = []
  private var tokenBuffer = TokenBuffer()

  /// Opens the ICU engines for the given settings.
  ///
  /// - Throws: ``TextError/icu(operation:name:)`` if ICU cannot load its data.
  public convenience init(
    normalizer: TextNormalizer = TextNormalizer(), tokenizer: Tokenizer = Tokenizer()
  ) throws(TextError) {
    try self.init(normalizer: normalizer, tokenizer: tokenizer, shortcuts: true)
  }

  /// Opens the pipeline with every shortcut on or off. Off is the slow reference: ICU over
  /// every byte, the original segment walk and a binary search per token boundary. Both give
  /// the same tokens, kinds and offsets, which the tests and the fuzzer check.
  init(normalizer: TextNormalizer, tokenizer: Tokenizer, shortcuts: Bool) throws(TextError) {
    self.normalizer = try ICUNormalizer(normalizer, shortcuts: shortcuts)
    self.tokenizer = try ICUWordTokenizer(tokenizer, shortcuts: shortcuts)
    self.linkDetector = LinkDetector(
      findsURLs: tokenizer.urls != .split, findsEmails: tokenizer.emails != .split)
    self.shortcuts = shortcuts
  }

  deinit { tokenBuffer.deallocate() }

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
    // The scratch arrays move into locals for the document: every access to a class's stored
    // array is checked for exclusivity at run time, and there are several per token.
    var edits = self.edits
    var links = self.links
    var tokens = self.tokenBuffer
    tokens.removeAll()
    self.edits = []
    self.links = []
    defer {
      self.edits = edits
      self.links = links
      self.tokenBuffer = tokens
    }
    result.invalidByteCount = try normalizer.normalize(
      bytes, into: &result.normalized, edits: &edits)
    let segments = try result.normalized.withUnsafeBufferPointer {
      (text) throws(TextError) -> UnsafeBufferPointer<mtt_segment> in
      linkDetector.detect(in: text, into: &links)
      return try tokenizer.segmentsInPlace(text)
    }
    var mapping = OriginalOffsets(edits: edits, walksInOrder: shortcuts)
    let settings = tokenizer.settings
    var linkIndex = 0
    var emittedLink = -1
    for raw in segments {
      let segment = Segment(
        range: Int(raw.start)..<Int(raw.end), kind: ICUWordTokenizer.kind(raw.kind))
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
          Self.emit(
            Segment(range: start..<segment.range.upperBound, kind: segment.kind),
            settings: settings, mapping: &mapping, into: &tokens)
          break
        }
        let link = links[linkIndex]
        if start < link.range.lowerBound {
          Self.emit(
            Segment(range: start..<link.range.lowerBound, kind: segment.kind),
            settings: settings, mapping: &mapping, into: &tokens)
        }
        if emittedLink != linkIndex {
          Self.emit(link, settings: settings, mapping: &mapping, into: &tokens)
          emittedLink = linkIndex
        }
        start = link.range.upperBound
      }
    }
    result.tokens.append(contentsOf: tokens.tokens)
  }

  private static func emit(
    _ segment: Segment, settings: Tokenizer, mapping: inout OriginalOffsets,
    into tokens: inout TokenBuffer
  ) {
    guard settings.keeps(segment.kind) else { return }
    let isPlaceholder: Bool
    switch segment.kind {
    case .number: isPlaceholder = settings.mapsNumbers
    case .url: isPlaceholder = settings.urls == .placeholder
    case .email: isPlaceholder = settings.emails == .placeholder
    default: isPlaceholder = false
    }
    let original = mapping.originalRange(of: segment.range)
    tokens.append(
      Token(
        kind: segment.kind, range: segment.range, originalRange: original,
        isPlaceholder: isPlaceholder))
  }
}

/// The offset mapping a document's tokens use: the in-order cursor, or (as the slow
/// reference) a binary search per boundary.
private struct OriginalOffsets {
  let isEmpty: Bool
  let walksInOrder: Bool
  var cursor: OffsetCursor
  let map: OffsetMap

  init(edits: [TextEdit], walksInOrder: Bool) {
    isEmpty = edits.isEmpty
    self.walksInOrder = walksInOrder
    cursor = OffsetCursor(edits: edits)
    map = OffsetMap(edits: edits)
  }

  mutating func originalRange(of range: Range<Int>) -> Range<Int> {
    if isEmpty { return range }
    if walksInOrder {
      let start = cursor.originalStart(of: range.lowerBound)
      return start..<cursor.originalEnd(of: range.upperBound)
    }
    return map.originalStart(of: range.lowerBound)..<map.originalEnd(of: range.upperBound)
  }
}
