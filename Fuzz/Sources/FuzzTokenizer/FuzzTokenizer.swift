// Fuzzes TextPipeline.tokenize(_:into:) on arbitrary bytes.
//
// The first byte picks one of several pipelines (normalization forms, accent stripping, link and
// number handling, the reject policy); the rest is the document. Opening ICU engines is costly,
// so the pipelines are built once and reused, as the library intends. Every result is checked:
// normalized text is valid UTF-8, token ranges lie inside it in order and on character
// boundaries, and original ranges lie inside the input and never move backwards. Each pipeline
// also has a twin with every shortcut off (ICU over every byte, the original segment walk, a
// binary search per offset): both must give the same normalized text, tokens, kinds, offsets
// and errors.
import FuzzDriver

@testable import MultiTaskText

/// Pipelines reused across inputs; libFuzzer calls the target from one thread.
nonisolated(unsafe) private let pipelines: [TextPipeline] = {
  let settings: [(TextNormalizer, Tokenizer)] = [
    (TextNormalizer(), Tokenizer()),
    (TextNormalizer(form: .nfc, caseFolding: true), Tokenizer(urls: .placeholder)),
    (TextNormalizer(form: .none, caseFolding: false), Tokenizer(urls: .split, emails: .split)),
    (TextNormalizer(form: .none, caseFolding: true), Tokenizer(emails: .placeholder)),
    (
      TextNormalizer(stripsLatinAccents: true),
      Tokenizer(dropsPunctuation: true, mapsNumbers: true)
    ),
    (TextNormalizer(form: .nfc, caseFolding: false, stripsLatinAccents: true), Tokenizer()),
    (TextNormalizer(invalidUTF8: .reject), Tokenizer(dropsSymbols: true)),
    (TextNormalizer(), Tokenizer(locale: "th")),
  ]
  do {
    return try settings.map { try TextPipeline(normalizer: $0.0, tokenizer: $0.1) }
  } catch {
    fatalError("cannot open the ICU pipelines: \(error)")
  }
}()

/// The same pipelines with every shortcut off: the slow reference.
nonisolated(unsafe) private let slowPipelines: [TextPipeline] = {
  do {
    return try pipelines.map {
      try TextPipeline(
        normalizer: $0.normalizer.settings, tokenizer: $0.tokenizer.settings, shortcuts: false)
    }
  } catch {
    fatalError("cannot open the ICU pipelines: \(error)")
  }
}()

nonisolated(unsafe) private var result = TokenizedText()
nonisolated(unsafe) private var slowResult = TokenizedText()

/// The entry point SwiftPM links as `main`; hands control to libFuzzer.
@_cdecl("FuzzTokenizer_main")
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>)
  -> CInt
{
  mtl_fuzz_main(argc, argv) { data, size in data.map { fuzz($0, size) } ?? 0 }
}

/// libFuzzer's per-input callback: tokenizes `data` with the pipeline its first byte picks and
/// stops the process on any broken invariant.
///
/// - Parameters:
///   - data: The input; the first byte picks the pipeline, the rest is the document.
///   - size: The number of bytes at `data`.
/// - Returns: 0, as libFuzzer requires of an input it may keep in the corpus.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let pipeline = pipelines[Int(data[0]) % pipelines.count]
  let slowPipeline = slowPipelines[Int(data[0]) % pipelines.count]
  let input = UnsafeBufferPointer(start: data + 1, count: size - 1)
  let firstInvalid = firstInvalidUTF8Offset(input)
  var slowError: TextError?
  do {
    try slowPipeline.tokenize(UnsafeRawBufferPointer(input), into: &slowResult)
  } catch {
    slowError = error
  }
  do {
    try pipeline.tokenize(UnsafeRawBufferPointer(input), into: &result)
    check(
      slowError == nil,
      "the slow path failed with \(String(describing: slowError)), the fast one did not")
    check(result == slowResult, "shortcuts changed the result: \(result) versus \(slowResult)")
  } catch {
    check(
      error == slowError,
      "the fast path failed with \(error), the slow one with \(String(describing: slowError))")
    if case .invalidUTF8(let offset) = error, pipeline.normalizer.settings.invalidUTF8 == .reject {
      check(
        offset == firstInvalid,
        "reject reported offset \(offset), expected \(String(describing: firstInvalid))")
      return 0
    }
    fatalError("unexpected tokenizer error: \(error)")
  }
  if pipeline.normalizer.settings.invalidUTF8 == .reject, let firstInvalid {
    check(false, "invalid UTF-8 at \(firstInvalid) was accepted")
  }
  check(
    (result.invalidByteCount == 0) == (firstInvalid == nil),
    "invalidByteCount \(result.invalidByteCount) for first invalid offset \(String(describing: firstInvalid))"
  )
  let normalized = result.normalized
  check(String(validating: normalized, as: UTF8.self) != nil, "normalized text is not UTF-8")
  var previousEnd = 0
  var previousOriginal = 0..<0
  for token in result.tokens {
    let range = token.range
    check(!range.isEmpty, "empty token at \(range)")
    check(range.lowerBound >= previousEnd, "token \(range) overlaps or precedes \(previousEnd)")
    check(range.upperBound <= normalized.count, "token \(range) ends past \(normalized.count)")
    check(
      isBoundary(normalized, range.lowerBound) && isBoundary(normalized, range.upperBound),
      "token \(range) splits a character")
    let original = token.originalRange
    check(
      original.lowerBound >= 0 && original.upperBound <= input.count,
      "original range \(original) outside the input of \(input.count) bytes")
    check(
      original.lowerBound >= previousOriginal.lowerBound
        && original.upperBound >= previousOriginal.upperBound,
      "original range \(original) moves back from \(previousOriginal)")
    previousEnd = range.upperBound
    previousOriginal = original
  }
  return 0
}

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
  if !condition { fatalError(message()) }
}

/// Whether `offset` falls between two UTF-8 sequences of `text`.
private func isBoundary(_ text: [UInt8], _ offset: Int) -> Bool {
  offset == text.count || text[offset] & 0xC0 != 0x80
}

/// The offset of the first ill-formed UTF-8 sequence, checked with the standard library.
private func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
  var iterator = bytes.makeIterator()
  var decoder = UTF8()
  var offset = 0
  while true {
    switch decoder.decode(&iterator) {
    case .scalarValue(let scalar): offset += UTF8.width(scalar)
    case .emptyInput: return nil
    case .error: return offset
    }
  }
}
