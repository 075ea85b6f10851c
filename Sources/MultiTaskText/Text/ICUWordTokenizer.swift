internal import CICUShim

/// A word-like segment found by ICU in normalized text, before the tokenizer's options apply.
struct Segment: Equatable, Sendable {
  var range: Range<Int>
  var kind: TokenKind
}

/// Segments normalized text with ICU's word break iterator, reusing one iterator for every
/// document.
///
/// Opening a break iterator loads rules and dictionaries and costs far more than segmenting a
/// sentence, so one instance serves many documents. It holds mutable ICU state: use one per
/// thread. Whitespace and invisible format characters are dropped here.
public final class ICUWordTokenizer {
  /// The settings this tokenizer applies.
  public let settings: Tokenizer
  private let handle: OpaquePointer

  /// Opens an ICU word break iterator for `settings.locale`.
  ///
  /// - Throws: ``TextError/icu(operation:name:)`` if ICU's rules cannot be loaded.
  public convenience init(_ settings: Tokenizer = Tokenizer()) throws(TextError) {
    try self.init(settings, shortcuts: true)
  }

  /// Opens the iterator with the segmenter's ASCII shortcuts on or off. Off is the reference
  /// they are tested against: the same segments, found by the original walk.
  init(_ settings: Tokenizer, shortcuts: Bool) throws(TextError) {
    var status: Int32 = 0
    let opened = settings.locale.withCString { mtt_segmenter_open($0, &status) }
    guard let handle = opened, status <= 0 else {
      throw TextError.icu(operation: "open a word break iterator", name: ICU.errorName(status))
    }
    mtt_segmenter_set_shortcuts(handle, shortcuts ? 1 : 0)
    self.settings = settings
    self.handle = handle
  }

  deinit { mtt_segmenter_close(handle) }

  /// Appends the segments of valid UTF-8 `text` to `segments`, replacing its contents.
  func segment(
    _ text: UnsafeBufferPointer<UInt8>, into segments: inout [Segment]
  ) throws(TextError) {
    segments.removeAll(keepingCapacity: true)
    for segment in try segmentsInPlace(text) {
      segments.append(
        Segment(range: Int(segment.start)..<Int(segment.end), kind: Self.kind(segment.kind)))
    }
  }

  /// Segments valid UTF-8 `text` and returns the segmenter's own buffer of segments, valid
  /// until the next call: the pipeline reads it there rather than copying it into an array.
  func segmentsInPlace(
    _ text: UnsafeBufferPointer<UInt8>
  ) throws(TextError) -> UnsafeBufferPointer<mtt_segment> {
    guard text.count < Int(Int32.max) else { throw TextError.documentTooLong(bytes: text.count) }
    let status = mtt_segmenter_run(handle, text.baseAddress, Int32(text.count))
    if status > 0 { throw TextError.icu(operation: "segment text", name: ICU.errorName(status)) }
    var count: Int32 = 0
    guard let found = mtt_segmenter_segments(handle, &count), count > 0 else {
      return UnsafeBufferPointer(start: nil, count: 0)
    }
    return UnsafeBufferPointer(start: found, count: Int(count))
  }

  static func kind(_ code: Int32) -> TokenKind {
    switch code {
    case Int32(MTT_KIND_WORD): return .word
    case Int32(MTT_KIND_NUMBER): return .number
    case Int32(MTT_KIND_KANA): return .kana
    case Int32(MTT_KIND_IDEOGRAPHIC): return .ideographic
    case Int32(MTT_KIND_PUNCTUATION): return .punctuation
    case Int32(MTT_KIND_SYMBOL): return .symbol
    case Int32(MTT_KIND_EMOJI): return .emoji
    default: return .other
    }
  }
}
