/// The vocabulary as a versioned TSV file: a header line, then `token<TAB>count` in id order.
///
/// Tokens never contain tabs or newlines, because the tokenizer drops whitespace. The header
/// (`# mtl-vocabulary 1`) lets a reader refuse a file from a newer, incompatible version.
public enum VocabularyFile {
  /// The format version this build writes and reads.
  public static let version = 1
  static let header = "# mtl-vocabulary \(version)"

  /// The file's bytes for `vocabulary`.
  public static func encode(_ vocabulary: Vocabulary) -> [UInt8] {
    var bytes = Array(header.utf8)
    bytes.append(10)
    for id in 0..<vocabulary.count {
      vocabulary.withUTF8(of: TokenID(Int32(id))) { bytes.append(contentsOf: $0) }
      bytes.append(9)
      bytes.append(contentsOf: String(vocabulary.counts[id]).utf8)
      bytes.append(10)
    }
    return bytes
  }

  /// Writes `vocabulary` to `path` atomically.
  public static func write(_ vocabulary: Vocabulary, to path: String) throws(PersistenceError) {
    try AtomicFileWriter().write(encode(vocabulary), to: path)
  }

  /// Writes `vocabulary` beside `path` without putting it in place yet.
  public static func prepare(
    _ vocabulary: Vocabulary, to path: String
  ) throws(PersistenceError) -> PreparedFile {
    try AtomicFileWriter().prepare(encode(vocabulary), to: path)
  }

  /// Reads a vocabulary file.
  ///
  /// - Throws: ``VocabularyFileError`` naming the file and line of the first problem.
  public static func read(path: String) throws(VocabularyFileError) -> Vocabulary {
    let reader: LineReader
    do { reader = try LineReader(path: path) } catch {
      throw VocabularyFileError(path: path, line: 0, problem: error.problem)
    }
    var tokens: [String] = []
    var counts: [Int] = []
    var seen = Set<String>()
    var failure: VocabularyFileError?
    do {
      while try reader.nextLine({ line in
        guard failure == nil else { return }
        let text = String(decoding: line, as: UTF8.self)
        if reader.lineNumber == 1 {
          if text != header {
            failure = VocabularyFileError(
              path: path, line: 1, problem: "expected the header \"\(header)\", found \"\(text)\"")
          }
          return
        }
        let fields = text.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 2, !fields[0].isEmpty, let count = Int(fields[1]), count >= 0 else {
          failure = VocabularyFileError(
            path: path, line: reader.lineNumber,
            problem: "expected a token, a tab and a count, found \"\(text)\"")
          return
        }
        let token = String(fields[0])
        guard seen.insert(token).inserted else {
          failure = VocabularyFileError(
            path: path, line: reader.lineNumber, problem: "duplicate token \"\(token)\"")
          return
        }
        tokens.append(token)
        counts.append(count)
      }) {}
    } catch let error as LineReaderError {
      // `problem` alone: the error's description repeats the path this error already names.
      throw VocabularyFileError(path: path, line: reader.lineNumber, problem: error.problem)
    } catch {
      throw VocabularyFileError(path: path, line: reader.lineNumber, problem: "\(error)")
    }
    if let failure { throw failure }
    if reader.lineNumber == 0 {
      throw VocabularyFileError(path: path, line: 0, problem: "the file is empty")
    }
    return Vocabulary(tokens: tokens, counts: counts)
  }
}

/// A vocabulary file that could not be read.
public struct VocabularyFileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The vocabulary file that was being read.
  public var path: String
  /// The 1-based line, or 0 for the file as a whole.
  public var line: Int
  /// What is wrong, in plain words.
  public var problem: String

  /// A one-line message for a terminal in the compiler's `path:line: problem` form, which
  /// editors can jump to; the line is left out when the problem concerns the whole file.
  public var description: String {
    line > 0 ? "\(path):\(line): \(problem)" : "\(path): \(problem)"
  }
}
