import Hummingbird

/// Reads a request body whole, within a size and a time limit.
struct BodyReader: Sendable {
  let maximumBytes: Int
  let timeout: Duration

  /// The body's bytes.
  ///
  /// - Throws: ``ServerError/bodyTooLarge(limit:)`` past `maximumBytes`, announced or sent;
  ///   ``ServerError/bodyTimedOut(seconds:)`` when the whole body takes longer than
  ///   `timeout`, as a client that trickles it byte by byte does.
  func read(_ request: Request) async throws(ServerError) -> [UInt8] {
    if let announced = request.headers[.contentLength].flatMap(Int.init), announced > maximumBytes {
      throw .bodyTooLarge(limit: maximumBytes)
    }
    let body = request.body
    let limit = maximumBytes
    let timeout = timeout
    let outcome: Result<ByteBuffer, ServerError> = await withTaskGroup(
      of: Result<ByteBuffer, ServerError>?.self
    ) { group in
      group.addTask {
        do { return .success(try await body.collect(upTo: limit)) } catch {
          if Task.isCancelled { return nil }
          if let error = error as? HTTPError, error.status == .contentTooLarge {
            return .failure(.bodyTooLarge(limit: limit))
          }
          return .failure(.invalidJSON(path: "$", problem: "the body could not be read"))
        }
      }
      group.addTask {
        try? await Task.sleep(for: timeout)
        return Task.isCancelled ? nil : .failure(.bodyTimedOut(seconds: timeout.seconds))
      }
      var first: Result<ByteBuffer, ServerError>?
      while first == nil, let next = await group.next() { first = next }
      group.cancelAll()
      return first ?? .failure(.bodyTimedOut(seconds: timeout.seconds))
    }
    return Array(buffer: try outcome.get())
  }
}

extension Duration {
  /// The duration in seconds, as a message shows it.
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
