/// Reads fastText training lines: `__label__Sports __label__News some text`.
///
/// Label tokens are read only at the start of a line. One is the example's label for the
/// source's task; several are a list, which a multi-label task keeps and a single-label one
/// rejects as an invalid record (``LabelListCheck``), never keeping the first silently. A
/// line without a label token is an unlabelled example. With an empty
/// label prefix the first whitespace-separated token is the label, which reads files such
/// as SST-2's `1 a gorgeous film .`.
struct FastTextRecordDecoder: RecordDecoder {
  let source: CorpusSource
  private let prefix: [UInt8]

  init(source: CorpusSource) {
    self.source = source
    self.prefix = Array(source.labelPrefix.utf8)
  }

  mutating func consume(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int)
    throws(CorpusError) -> Example?
  {
    if isBlank(line) { return nil }
    var position = skipSpaces(line, from: 0)
    var list = LabelListBuilder()
    while position < line.count {
      let tokenEnd = endOfToken(line, from: position)
      let token = UnsafeBufferPointer(rebasing: line[position..<tokenEnd])
      guard hasPrefix(token) else { break }
      let label = String(
        decoding: UnsafeBufferPointer(rebasing: token[(token.startIndex + prefix.count)...]),
        as: UTF8.self)
      if !label.isEmpty && !list.add(label) {
        throw .invalidRecord(
          path: source.path, line: lineNumber, problem: LabelListBuilder.tooManyProblem)
      }
      position = skipSpaces(line, from: tokenEnd)
      if prefix.isEmpty { break }
    }
    let found = list.labels
    var end = line.count
    while end > position && (line[end - 1] == 0x20 || line[end - 1] == 0x09) { end -= 1 }
    let text = String(decoding: UnsafeBufferPointer(rebasing: line[position..<end]), as: UTF8.self)
    let location = CorpusLocation(path: source.path, line: lineNumber)
    // Several prefixes are a list: a multi-label record, or an invalid single-label one,
    // never silently its first label.
    if found.count > 1 || (source.readsLabelLists && !found.isEmpty) {
      return try LabelListCheck.checked(
        Example(text: text, labelLists: [source.taskName: found], location: location),
        source: source, line: lineNumber)
    }
    return Example(
      text: text, labels: found.first.map { [source.taskName: $0] } ?? [:], location: location)
  }

  private func hasPrefix(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
    guard token.count > prefix.count || (prefix.isEmpty && !token.isEmpty) else { return false }
    for (offset, byte) in prefix.enumerated() where token[token.startIndex + offset] != byte {
      return false
    }
    return true
  }

  private func skipSpaces(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index < line.count && (line[index] == 0x20 || line[index] == 0x09) { index += 1 }
    return index
  }

  private func endOfToken(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index < line.count && line[index] != 0x20 && line[index] != 0x09 { index += 1 }
    return index
  }

  mutating func finish() throws(CorpusError) {}

  mutating func reset() {}
}
