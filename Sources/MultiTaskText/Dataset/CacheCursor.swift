/// Reads a ``CacheFile`` from its start, one word after another, through a block buffer, so
/// that streaming a cache of any size costs one fixed buffer of memory.
struct CacheCursor {
  private let file: CacheFile
  /// 4 MiB per read: large enough that the reads cost nothing per word.
  private static let blockWords = 1 << 20
  private var buffer: [Int32]
  private var position = 0
  private var filled = 0
  /// The next word of the file the buffer does not hold yet.
  private var fileOffset = 0

  init(_ file: CacheFile) {
    self.file = file
    buffer = [Int32](repeating: 0, count: min(Self.blockWords, max(1, file.wordCount)))
  }

  /// Whether every word has been read.
  var isAtEnd: Bool { position == filled && fileOffset == file.wordCount }

  /// The next word.
  mutating func next() throws(TrainingError) -> Int32 {
    if position == filled { try refill() }
    let word = buffer[position]
    position += 1
    return word
  }

  /// Appends the next `count` words to `target`.
  mutating func append(_ count: Int, to target: inout [Int32]) throws(TrainingError) {
    var left = count
    while left > 0 {
      if position == filled { try refill() }
      let take = min(left, filled - position)
      target.append(contentsOf: buffer[position..<(position + take)])
      position += take
      left -= take
    }
  }

  private mutating func refill() throws(TrainingError) {
    let count = min(buffer.count, file.wordCount - fileOffset)
    guard count > 0 else {
      throw .cache(directory: file.directory, problem: "the cache file ended early")
    }
    let start = fileOffset
    var failure: TrainingError?
    buffer.withUnsafeMutableBufferPointer { buffer in
      do throws(TrainingError) {
        guard let base = buffer.baseAddress else { return }
        try file.read(words: count, at: start, into: base)
      } catch { failure = error }
    }
    if let failure { throw failure }
    fileOffset += count
    position = 0
    filled = count
  }
}
