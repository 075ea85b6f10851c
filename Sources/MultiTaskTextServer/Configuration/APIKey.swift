/// Checks a request's `Authorization: Bearer KEY` header against the configured key.
///
/// The comparison takes the same time whatever the first differing byte is, so response
/// timing does not reveal how much of a guess was right.
struct APIKey: Sendable {
  private let expected: [UInt8]

  init(_ key: String) { expected = Array(key.utf8) }

  /// Whether `header`, the whole `Authorization` value, carries the key.
  func accepts(authorization header: String?) -> Bool {
    guard let header, header.hasPrefix("Bearer ") else { return false }
    return Self.constantTimeEqual(Array(header.utf8.dropFirst(7)), expected)
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
