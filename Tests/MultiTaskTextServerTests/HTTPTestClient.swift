import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A small HTTP/1.1 client over one NIO connection per request, for the server tests.
///
/// It writes the request bytes itself and parses the answer itself, so a test can send what
/// a well-behaved client library never would (a body trickled byte by byte, a chunked body,
/// a body that keeps coming after the answer), and it links no TLS stack: the tests build
/// with the NIO modules Hummingbird already brings.
struct HTTPTestClient: Sendable {
  /// The loopback port of the server under test.
  let port: Int

  /// One answer: the status, the body as text and the header fields in order.
  struct Answer: Sendable {
    var status: Int
    var bodyBytes: [UInt8]
    var headers: [(String, String)]
    /// Whether the server ended the connection within a few seconds of the answer; only
    /// watched when the request asks for it.
    var connectionClosed = false

    var body: String { String(decoding: bodyBytes, as: UTF8.self) }

    /// The value of the first header named `name`, compared without case.
    func header(_ name: String) -> String? {
      headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
  }

  /// The ways a request can end without an answer.
  enum Failure: Error, CustomStringConvertible {
    case closedBeforeAnswer(received: Int)
    case malformedAnswer(String)
    case timedOut(seconds: Double)

    var description: String {
      switch self {
      case .closedBeforeAnswer(let received):
        return "the server closed the connection after \(received) bytes, before a whole answer"
      case .malformedAnswer(let problem): return "malformed answer: \(problem)"
      case .timedOut(let seconds): return "no answer within \(seconds) seconds"
      }
    }
  }

  /// How the body goes out: whole, in pieces with a pause after each, or chunked.
  enum Body: Sendable {
    case none
    case bytes([UInt8])
    /// Announced by Content-Length, sent `pieces` at a time with `pause` after each.
    case trickled(pieces: [[UInt8]], pause: Duration)
    /// `Transfer-Encoding: chunked`, one chunk per piece.
    case chunked([[UInt8]])
  }

  /// Sends one request on a fresh connection and reads its whole answer.
  ///
  /// The body is written while the answer is read, so an answer the server sends before
  /// the body is complete (a 413 or 503) is seen even if the server then closes.
  ///
  /// - Parameter watchClose: Also wait up to three seconds after the answer for the server
  ///   to end the connection, and say whether it did.
  func send(
    _ method: String, _ path: String, headers: [(String, String)] = [], body: Body = .none,
    timeout: Duration = .seconds(10), watchClose: Bool = false
  ) async throws -> Answer {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: "127.0.0.1", port: port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
        }
      }
    let head = Self.head(method, path, headers: headers, body: body)
    return try await withThrowingTaskGroup(of: Answer?.self) { group in
      group.addTask {
        try await channel.executeThenClose { inbound, outbound in
          let writing = Task {
            try await outbound.write(ByteBuffer(bytes: Array(head.utf8)))
            try await Self.write(body, to: outbound)
          }
          defer { writing.cancel() }
          var iterator = inbound.makeAsyncIterator()
          var answer = try await AnswerParser.read(from: &iterator)
          if watchClose {
            // The test closes the connection itself after three seconds, and remembers it.
            let closedHere = Flag()
            let closer = Task {
              try await Task.sleep(for: .seconds(3))
              closedHere.set()
              try await channel.channel.close()
            }
            await Self.waitForEnd(&iterator)
            closer.cancel()
            answer.connectionClosed = !closedHere.isSet
          }
          return answer
        }
      }
      group.addTask {
        try await Task.sleep(for: timeout)
        return nil
      }
      let first = try await group.next() ?? nil
      group.cancelAll()
      guard let first else {
        channel.channel.close(promise: nil)
        throw Failure.timedOut(seconds: Double(timeout.components.seconds))
      }
      return first
    }
  }

  /// Sends a request and closes the connection without reading the answer, as a client
  /// that gives up does. The close waits until every byte has reached the socket.
  func sendAndHangUp(_ method: String, _ path: String, headers: [(String, String)], body: [UInt8])
    async throws
  {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: "127.0.0.1", port: port).get()
    let head = Self.head(method, path, headers: headers, body: .bytes(body))
    try await channel.writeAndFlush(ByteBuffer(bytes: Array(head.utf8) + body))
    try await channel.close()
  }

  /// Reads until the connection ends or resets, discarding any bytes.
  static func waitForEnd(_ iterator: inout NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator)
    async
  {
    while (try? await iterator.next()) != nil {}
  }

  /// `GET` or `POST` with a JSON body, the way most tests talk to the server.
  func send(
    _ method: String, _ path: String, json body: [UInt8]?,
    contentType: String? = "application/json", headers: [(String, String)] = []
  ) async throws -> Answer {
    var fields = headers
    if let contentType { fields.append(("Content-Type", contentType)) }
    return try await send(method, path, headers: fields, body: body.map { .bytes($0) } ?? .none)
  }

  static func head(
    _ method: String, _ path: String, headers: [(String, String)], body: Body
  ) -> String {
    var lines = ["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1"]
    lines += headers.map { "\($0.0): \($0.1)" }
    switch body {
    case .none: if method == "POST" { lines.append("Content-Length: 0") }
    case .bytes(let bytes): lines.append("Content-Length: \(bytes.count)")
    case .trickled(let pieces, _): lines.append("Content-Length: \(pieces.joined().count)")
    case .chunked: lines.append("Transfer-Encoding: chunked")
    }
    return lines.joined(separator: "\r\n") + "\r\n\r\n"
  }

  static func write(_ body: Body, to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>)
    async throws
  {
    switch body {
    case .none: return
    case .bytes(let bytes):
      // Pieces of 64 KiB, so a large body streams rather than sitting in one buffer.
      var start = 0
      while start < bytes.count {
        let end = min(bytes.count, start + 65_536)
        try await outbound.write(ByteBuffer(bytes: bytes[start..<end]))
        start = end
      }
    case .trickled(let pieces, let pause):
      for piece in pieces {
        try await outbound.write(ByteBuffer(bytes: piece))
        try await Task.sleep(for: pause)
      }
    case .chunked(let pieces):
      for piece in pieces where !piece.isEmpty {
        let size = String(piece.count, radix: 16)
        try await outbound.write(ByteBuffer(bytes: Array("\(size)\r\n".utf8) + piece + [13, 10]))
      }
      try await outbound.write(ByteBuffer(bytes: Array("0\r\n\r\n".utf8)))
    }
  }
}

/// A flag set once, from any thread.
final class Flag: Sendable {
  private let state = Mutex(false)

  var isSet: Bool { state.withLock { $0 } }
  func set() { state.withLock { $0 = true } }
}
