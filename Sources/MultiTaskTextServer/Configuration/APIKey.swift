/// Checks a request's `Authorization: Bearer KEY` header against the configured key.
///
/// The scheme is matched without regard to case (RFC 7235: `bearer` and `BEARER` are
/// `Bearer`), and any spaces after it are skipped. The key comparison takes the same time
/// whatever the first differing byte is, so response timing does not reveal how much of a
/// guess was right.
struct APIKey: Sendable {
  private let expected: [UInt8]

  init(_ key: String) { expected = Array(key.utf8) }

  /// Whether `header`, the whole `Authorization` value, carries the key.
  func accepts(authorization header: String?) -> Bool {
    guard let header else { return false }
    let bytes = Array(header.utf8)
    let scheme = Array("bearer".utf8)
    guard bytes.count > scheme.count, bytes[scheme.count] == UInt8(ascii: " "),
      bytes[..<scheme.count].map({ $0 | 0x20 }) == scheme
    else { return false }
    let credentials = bytes[scheme.count...].drop { $0 == UInt8(ascii: " ") }
    return Self.constantTimeEqual(Array(credentials), expected)
  }

  /// Compares every byte of the longer input, folding differences into one value.
  static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    var difference = UInt8(truncatingIfNeeded: left.count ^ right.count)
    let count = max(left.count, right.count)
    for index in 0..<count {
      let a = index < left.count ? left[index] : 0
      let b = index < right.count ? right[index] : 0
      difference |= a ^ b
    }
    return difference == 0
  }
}
