/// Reads fastText's `.vec` text format, keeping the vectors of one vocabulary's words.
///
/// The format is a header line `count dimension`, then one line per word: the word and
/// `dimension` numbers, separated by spaces (fastText leaves a trailing space). The file is
/// streamed line by line; a line is at most ``largestLineBytes`` bytes, so a damaged file
/// cannot exhaust memory.
enum PretrainedVectorsFile {
  /// The longest line accepted: room for 4096 dimensions of long numbers.
  static let largestLineBytes = 1 << 20

  /// The vectors of `vocabulary`'s words in the file at `path`.
  ///
  /// - Parameters:
  ///   - path: The `.vec` file.
  ///   - dimension: The model's dimension, which the file must have.
  ///   - vocabulary: The training vocabulary; other words are skipped.
  /// - Throws: ``PretrainedVectorsError`` naming the file, and the line when there is one.
  static func read(
    path: String, dimension: Int, vocabulary: Vocabulary
  ) throws(PretrainedVectorsError) -> InitialVectors {
    let reader: LineReader
    do { reader = try LineReader(path: path) } catch {
      throw .unreadable(path: path, problem: error.description)
    }
    var vectors = InitialVectors(dimension: dimension)
    var declared: Int?
    var lines = 0
    var failure: PretrainedVectorsError?
    while true {
      let more: Bool
      do {
        more = try reader.nextLine { bytes in
          guard failure == nil else { return }
          let line = reader.lineNumber
          guard bytes.count <= largestLineBytes else {
            failure = .lineTooLong(path: path, line: line, bytes: bytes.count)
            return
          }
          guard let text = String(validating: bytes, as: UTF8.self) else {
            failure = .malformedLine(path: path, line: line, problem: "the line is not UTF-8")
            return
          }
          // Any run of spaces and tabs separates fields, as fastText's own reader (`>>`)
          // takes them; a carriage return ends a Windows line.
          let fields = text.split(
            omittingEmptySubsequences: true,
            whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
          if declared == nil {
            guard fields.count == 2, let count = Int(fields[0]), let width = Int(fields[1]),
              count >= 0
            else {
              failure = .malformedHeader(path: path, found: String(text.prefix(80)))
              return
            }
            guard width == dimension else {
              failure = .dimensionMismatch(path: path, line: 1, expected: dimension, found: width)
              return
            }
            declared = count
            return
          }
          guard !fields.isEmpty else { return }
          lines += 1
          guard fields.count == dimension + 1 else {
            failure = .dimensionMismatch(
              path: path, line: line, expected: dimension, found: fields.count - 1)
            return
          }
          let id = vocabulary.id(of: String(fields[0]))
          guard id.isInVocabulary else { return }
          var values: [Float] = []
          values.reserveCapacity(dimension)
          for field in fields.dropFirst() {
            guard let value = Float(field), value.isFinite else {
              failure = .malformedLine(
                path: path, line: line, problem: "\"\(field.prefix(40))\" is not a finite number")
              return
            }
            values.append(value)
          }
          vectors.set(values, forWord: id)
        }
      } catch let error as LineReaderError {
        throw .unreadable(path: path, problem: error.description)
      } catch {
        throw .unreadable(path: path, problem: String(describing: error))
      }
      if let failure { throw failure }
      if !more { break }
    }
    guard let declared else { throw .malformedHeader(path: path, found: "an empty file") }
    if lines < declared { throw .truncated(path: path, declared: declared, found: lines) }
    return vectors
  }
}

/// Why a pretrained vectors file could not be used.
public enum PretrainedVectorsError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file could not be opened or read.
  case unreadable(path: String, problem: String)
  /// The first line is not `count dimension`.
  case malformedHeader(path: String, found: String)
  /// The header or a line has another dimension than the model.
  case dimensionMismatch(path: String, line: Int, expected: Int, found: Int)
  /// A line's values are not numbers, or the line is not text.
  case malformedLine(path: String, line: Int, problem: String)
  /// A line is longer than the reader accepts.
  case lineTooLong(path: String, line: Int, bytes: Int)
  /// The file ends before the number of vectors its header declares.
  case truncated(path: String, declared: Int, found: Int)
  /// A fastText `.bin` file ends before `missing`, which starts at byte `offset`.
  case binaryTruncated(path: String, offset: Int, missing: String)
  /// A fastText `.bin` file holds a value no fastText writes, at byte `offset`.
  case binaryMalformed(path: String, offset: Int, problem: String)
  /// A fastText `.bin` file whose vectors have another dimension than the model.
  case binaryDimension(path: String, expected: Int, found: Int)
  /// A quantized fastText file (`.ftz`), whose rows are product-quantized codes, not vectors.
  case quantizedBinary(path: String)

  /// A one-line explanation naming the file, and the line when there is one.
  public var description: String {
    switch self {
    case .unreadable(let path, let problem):
      return "\(path): cannot read the pretrained vectors: \(problem)"
    case .malformedHeader(let path, let found):
      return "\(path):1: a .vec file starts with \"count dimension\", found \"\(found)\""
    case .dimensionMismatch(let path, let line, let expected, let found):
      return "\(path):\(line): vectors of dimension \(found), but model.dimension is"
        + " \(expected)"
    case .malformedLine(let path, let line, let problem):
      return "\(path):\(line): \(problem)"
    case .lineTooLong(let path, let line, let bytes):
      return "\(path):\(line): a line of \(bytes) bytes is longer than the"
        + " \(PretrainedVectorsFile.largestLineBytes) accepted"
    case .truncated(let path, let declared, let found):
      return "\(path): the header declares \(declared) vectors, but the file ends after"
        + " \(found); it is truncated"
    case .binaryTruncated(let path, let offset, let missing):
      return "\(path): the fastText .bin file ends at byte \(offset), before \(missing);"
        + " it is truncated"
    case .binaryMalformed(let path, let offset, let problem):
      return "\(path): byte \(offset): not a fastText .bin file mtl can read: \(problem)"
    case .binaryDimension(let path, let expected, let found):
      return "\(path): fastText vectors of dimension \(found), but model.dimension is"
        + " \(expected); set model.dimension to \(found) or train the vectors with"
        + " -dim \(expected)"
    case .quantizedBinary(let path):
      return "\(path): a quantized fastText model (.ftz) holds compressed codes, not vectors;"
        + " use the .bin file it was quantized from, or its .vec"
    }
  }
}
