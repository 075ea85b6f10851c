internal import CICUShim

/// A changed span left by normalization: `sourceLength` input bytes at `sourceStart` became
/// `destinationLength` output bytes at `destinationStart`. Unchanged text has no edit, and
/// neither has a change of one byte into one byte (`A` → `a`): it moves no original offset.
struct TextEdit: Equatable, Sendable {
  var sourceStart: Int
  var sourceLength: Int
  var destinationStart: Int
  var destinationLength: Int

  var sourceEnd: Int { sourceStart + sourceLength }
  var destinationEnd: Int { destinationStart + destinationLength }
}

/// Applies ``TextNormalizer`` settings with ICU, reusing its buffers from one document to the
/// next.
///
/// Normalization runs on UTF-8 through ICU's edit-recording APIs, so every output byte can be
/// traced back to the input bytes it came from; that is what gives tokens their original
/// offsets. An instance holds mutable ICU state: use one per thread.
public final class ICUNormalizer {
  /// The settings this normalizer applies.
  public let settings: TextNormalizer
  private let handle: OpaquePointer

  /// Opens the ICU normalizer instances that `settings` need.
  ///
  /// - Throws: ``TextError/icu(operation:name:)`` if ICU's data cannot be loaded.
  public convenience init(_ settings: TextNormalizer = TextNormalizer()) throws(TextError) {
    try self.init(settings, shortcuts: true)
  }

  /// Opens the normalizer with its ASCII shortcut on or off. Off is the reference the shortcut
  /// is tested against: ICU normalizes every byte, with the same output and edits.
  init(_ settings: TextNormalizer, shortcuts: Bool) throws(TextError) {
    let form: Int32
    switch settings.form {
    case .none: form = Int32(MTT_FORM_NONE)
    case .nfc: form = Int32(MTT_FORM_NFC)
    case .nfkc: form = Int32(MTT_FORM_NFKC)
    }
    var status: Int32 = 0
    guard
      let handle = mtt_normalizer_open(
        form, settings.caseFolding ? 1 : 0, settings.stripsLatinAccents ? 1 : 0, &status),
      status <= 0
    else {
      throw TextError.icu(operation: "open a normalizer", name: ICU.errorName(status))
    }
    mtt_normalizer_set_shortcuts(handle, shortcuts ? 1 : 0)
    self.settings = settings
    self.handle = handle
  }

  deinit { mtt_normalizer_close(handle) }

  /// Normalizes `text`. Convenient for single strings; pipelines use the buffer-reusing path.
  ///
  /// - Throws: ``TextError`` for invalid UTF-8 under the `reject` policy or an ICU failure.
  public func normalize(_ text: String) throws(TextError) -> String {
    var output: [UInt8] = []
    var edits: [TextEdit] = []
    var text = text
    _ = try text.withUTF8Bytes { (bytes) throws(TextError) in
      try normalize(bytes, into: &output, edits: &edits)
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Normalizes `bytes` into `output` (replacing its contents) and records the changed spans in
  /// `edits`. Returns the number of invalid bytes replaced by U+FFFD.
  func normalize(
    _ bytes: UnsafeRawBufferPointer, into output: inout [UInt8], edits: inout [TextEdit]
  ) throws(TextError) -> Int {
    guard bytes.count < Int(Int32.max) else { throw TextError.documentTooLong(bytes: bytes.count) }
    output.removeAll(keepingCapacity: true)
    edits.removeAll(keepingCapacity: true)
    var invalidOffset: Int32 = -1
    let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
    let status = mtt_normalizer_run(
      handle, base, Int32(bytes.count), settings.invalidUTF8 == .reject ? 1 : 0, &invalidOffset)
    if status == MTT_STATUS_INVALID_UTF8 { throw TextError.invalidUTF8(offset: Int(invalidOffset)) }
    if status > 0 { throw TextError.icu(operation: "normalize", name: ICU.errorName(status)) }

    var length: Int32 = 0
    if let result = mtt_normalizer_output(handle, &length), length > 0 {
      output.append(contentsOf: UnsafeBufferPointer(start: result, count: Int(length)))
    }
    var count: Int32 = 0
    if let changes = mtt_normalizer_edits(handle, &count), count > 0 {
      edits.reserveCapacity(Int(count))
      for change in UnsafeBufferPointer(start: changes, count: Int(count)) {
        edits.append(
          TextEdit(
            sourceStart: Int(change.source_start), sourceLength: Int(change.source_length),
            destinationStart: Int(change.destination_start),
            destinationLength: Int(change.destination_length)))
      }
    }
    return Int(mtt_normalizer_invalid_bytes(handle))
  }
}

/// Facts about the ICU library in use.
public enum ICU {
  /// The ICU version, such as `72.1`; model files record it because segmentation
  /// dictionaries change between versions.
  public static var version: String {
    var buffer = [CChar](repeating: 0, count: 32)
    mtt_icu_version(&buffer, Int32(buffer.count))
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  static func errorName(_ status: Int32) -> String {
    guard let name = mtt_error_name(status) else { return "ICU error \(status)" }
    return String(cString: name)
  }
}
