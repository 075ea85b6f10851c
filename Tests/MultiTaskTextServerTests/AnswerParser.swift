import Foundation
import NIOCore

/// Reads one HTTP/1.1 answer off a connection: the status line, the header fields, and a
/// body framed by Content-Length, by chunks, or by the connection closing.
struct AnswerParser {
  private var received: [UInt8] = []

  /// Reads until one whole answer has arrived.
  ///
  /// - Throws: ``HTTPTestClient/Failure/closedBeforeAnswer(received:)`` when the connection
  ///   ends first; ``HTTPTestClient/Failure/malformedAnswer(_:)`` for bytes that are not
  ///   HTTP.
  static func read(
    from iterator: inout NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
  ) async throws -> HTTPTestClient.Answer {
    var parser = AnswerParser()
    var ended = false
    while true {
      if let answer = try parser.answer(connectionEnded: ended) { return answer }
      if ended { throw HTTPTestClient.Failure.closedBeforeAnswer(received: parser.received.count) }
      do {
        if let buffer = try await iterator.next() {
          parser.received += Array(buffer: buffer)
        } else {
          ended = true
        }
      } catch {
        // A reset after the answer arrived still leaves a whole answer to parse.
        ended = true
      }
    }
  }

  /// The answer, once enough bytes have arrived; nil while more are needed.
  func answer(connectionEnded: Bool) throws -> HTTPTestClient.Answer? {
    guard let headEnd = Self.find([13, 10, 13, 10], in: received[...]) else { return nil }
    let headText = String(decoding: received[..<headEnd], as: UTF8.self)
    var lines = headText.components(separatedBy: "\r\n")
    let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
    guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1])
    else { throw HTTPTestClient.Failure.malformedAnswer("status line \(lines)") }
    var headers: [(String, String)] = []
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else {
        throw HTTPTestClient.Failure.malformedAnswer("header line \(line)")
      }
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      headers.append((String(line[..<colon]), value))
    }
    let rest = received[(headEnd + 4)...]
    let field = { (name: String) in headers.first { $0.0.lowercased() == name }?.1 }
    let body: [UInt8]
    if let length = field("content-length").flatMap(Int.init) {
      guard rest.count >= length else { return nil }
      body = Array(rest.prefix(length))
    } else if field("transfer-encoding")?.lowercased() == "chunked" {
      guard let decoded = try Self.dechunk(rest) else { return nil }
      body = decoded
    } else {
      guard connectionEnded else { return nil }
      body = Array(rest)
    }
    return HTTPTestClient.Answer(status: status, bodyBytes: body, headers: headers)
  }

  /// The chunked body's bytes, or nil until the last chunk has arrived.
  static func dechunk(_ bytes: ArraySlice<UInt8>) throws -> [UInt8]? {
    var body: [UInt8] = []
    var position = bytes.startIndex
    while true {
      guard let lineEnd = find([13, 10], in: bytes[position...]) else { return nil }
      let sizeText = String(decoding: bytes[position..<lineEnd], as: UTF8.self)
      guard let size = Int(sizeText.split(separator: ";")[0], radix: 16) else {
        throw HTTPTestClient.Failure.malformedAnswer("chunk size \(sizeText)")
      }
      let dataStart = lineEnd + 2
      if size == 0 { return body }
      guard bytes.endIndex >= dataStart + size + 2 else { return nil }
      body += bytes[dataStart..<(dataStart + size)]
      position = dataStart + size + 2
    }
  }

  /// The index where `pattern` first starts in `bytes`.
  static func find(_ pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
    guard bytes.count >= pattern.count else { return nil }
    var index = bytes.startIndex
    while index + pattern.count <= bytes.endIndex {
      if bytes[index] == pattern[0] && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
      {
        return index
      }
      index += 1
    }
    return nil
  }
}
