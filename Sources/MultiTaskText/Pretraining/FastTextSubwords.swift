/// fastText's character n-grams of a word, with both hashes a row number can come from.
///
/// fastText and ``Featurizer`` take the same n-grams: over `<` + word + `>`, every run of
/// `minimum...maximum` Unicode scalars, except a lone marker. They hash them differently:
/// fastText's FNV-1a mixes each byte sign-extended (its bytes are `char`, signed on x86 and
/// ARM Linux builds alike), ours mixes it unsigned. The two agree on ASCII and differ on any
/// other byte, so a row of a fastText file is found by fastText's hash, and the bucket of
/// ours it starts by ours.
enum FastTextSubwords {
  /// The marker fastText puts before a word.
  static let beginMarker = UInt8(ascii: "<")
  /// The marker fastText puts after a word.
  static let endMarker = UInt8(ascii: ">")
  /// fastText's end-of-sentence word, which has no n-grams.
  static let endOfSentence = Array("</s>".utf8)

  /// fastText's hash of `bytes`: FNV-1a over sign-extended bytes.
  static func fastTextHash(_ bytes: some Sequence<UInt8>) -> UInt32 {
    var hash = FNV1a.offsetBasis
    for byte in bytes { hash = mix(hash, byte) }
    return hash
  }

  /// One step of fastText's hash: the byte is sign-extended to 32 bits before the exclusive or.
  @inline(__always)
  static func mix(_ hash: UInt32, _ byte: UInt8) -> UInt32 {
    (hash ^ UInt32(bitPattern: Int32(Int8(bitPattern: byte)))) &* FNV1a.prime
  }

  /// Calls `body` with each n-gram of `word` of `minimum...maximum` scalars: its length in
  /// scalars, our FNV-1a hash and fastText's, in fastText's order (by start, then length).
  ///
  /// - Parameters:
  ///   - word: The word's UTF-8 bytes, without markers.
  ///   - minimum: The shortest n-gram, at least 1.
  ///   - maximum: The longest; below `minimum` gives none.
  static func forEachNgram(
    of word: [UInt8], minimum: Int, maximum: Int,
    _ body: (_ length: Int, _ ours: UInt32, _ fastText: UInt32) -> Void
  ) {
    guard maximum >= max(1, minimum) else { return }
    var marked: [UInt8] = [beginMarker]
    marked.append(contentsOf: word)
    marked.append(endMarker)
    let count = marked.count
    func isContinuation(_ position: Int) -> Bool { marked[position] & 0xC0 == 0x80 }
    for start in 0..<count where !isContinuation(start) {
      var ours = FNV1a()
      var theirs = FNV1a.offsetBasis
      var position = start
      var length = 1
      while position < count && length <= maximum {
        repeat {
          ours.combine(marked[position])
          theirs = mix(theirs, marked[position])
          position += 1
        } while position < count && isContinuation(position)
        if length >= minimum && !(length == 1 && (start == 0 || position == count)) {
          body(length, ours.value, theirs)
        }
        length += 1
      }
    }
  }
}
