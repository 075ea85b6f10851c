import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Asks for `/healthz` every 100 ms from a thread of its own, with blocking sockets, so the
/// time it measures is the server's: not the test process's cooperative threads or event
/// loops, which other tests running at the same time keep busy.
final class BlockingProbe: Sendable {
  private let port: Int
  private let stopped = Flag()
  private let finished = DispatchSemaphore(value: 0)
  private let results = Mutex<[(status: Int?, seconds: Double)]>([])

  /// Starts probing `port` on loopback.
  init(port: Int) {
    self.port = port
    let thread = Thread { [self] in
      while !stopped.isSet {
        let started = ContinuousClock.now
        let status = Self.status(port: port)
        let elapsed = (ContinuousClock.now - started).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        results.withLock { $0.append((status, seconds)) }
        Thread.sleep(forTimeInterval: 0.1)
      }
      finished.signal()
    }
    thread.start()
  }

  /// Stops the probe and returns the slowest answer and the number of probes that failed.
  func stop() async -> (slowest: Double, failures: Int, count: Int) {
    stopped.set()
    while finished.wait(timeout: .now()) == .timedOut {
      try? await Task.sleep(for: .milliseconds(20))
    }
    return results.withLock { results in
      (
        results.map(\.seconds).max() ?? 0, results.filter { $0.status != 200 }.count,
        results.count
      )
    }
  }

  /// One `GET /healthz` on a fresh connection; the status, or nil when none arrived within
  /// five seconds.
  static func status(port: Int) -> Int? {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { return nil }
    defer { close(socket) }
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { return nil }
    let request = Array(
      "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
    guard send(socket, request, request.count, Int32(MSG_NOSIGNAL)) == request.count else {
      return nil
    }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !received.contains(13) {
      let count = recv(socket, &buffer, buffer.count, 0)
      guard count > 0 else { break }
      received += buffer[0..<count]
    }
    let line = String(decoding: received, as: UTF8.self).split(separator: " ")
    return line.count >= 2 ? Int(line[1]) : nil
  }
}
