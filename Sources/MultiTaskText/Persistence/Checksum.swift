/// A 32-bit cyclic redundancy check, to detect files damaged on disk or in transit.
///
/// Two polynomials are offered: CRC-32C (Castagnoli), which our files use because it
/// detects more error patterns than the IEEE polynomial at the same cost, and CRC-32 (IEEE),
/// the one in zip and PNG, for comparing with outside tools. Both use reflected bit order,
/// an initial value of all ones and a final complement.
///
/// ```swift
/// var checksum = Checksum(.castagnoli)
/// checksum.update(with: Array("123456789".utf8))
/// checksum.value  // 0xe3069283
/// ```
public struct Checksum: Sendable, Equatable {
  /// The generator polynomial.
  public enum Polynomial: Sendable, Equatable {
    /// CRC-32C, reflected polynomial 0x82F63B78.
    case castagnoli
    /// CRC-32 as in zip, PNG and Ethernet, reflected polynomial 0xEDB88320.
    case ieee

    var reflected: UInt32 {
      switch self {
      case .castagnoli: return 0x82F6_3B78
      case .ieee: return 0xEDB8_8320
      }
    }
  }

  /// The polynomial in use.
  public let polynomial: Polynomial
  private var state: UInt32 = 0xFFFF_FFFF

  // Immutable lookup tables, built once on first use.
  private static let castagnoliTable = makeTable(Polynomial.castagnoli.reflected)
  private static let ieeeTable = makeTable(Polynomial.ieee.reflected)

  /// Starts a checksum of no bytes.
  public init(_ polynomial: Polynomial = .castagnoli) {
    self.polynomial = polynomial
  }

  /// The checksum of the bytes so far.
  public var value: UInt32 { ~state }

  /// Adds bytes to the checksum; feeding a buffer in pieces gives the same value as whole.
  public mutating func update(with bytes: some Sequence<UInt8>) {
    let table = polynomial == .castagnoli ? Self.castagnoliTable : Self.ieeeTable
    var crc = state
    for byte in bytes {
      crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    state = crc
  }

  /// Returns the checksum of `bytes`.
  public static func of(_ bytes: some Sequence<UInt8>, polynomial: Polynomial = .castagnoli)
    -> UInt32
  {
    var checksum = Checksum(polynomial)
    checksum.update(with: bytes)
    return checksum.value
  }

  private static func makeTable(_ reflected: UInt32) -> [UInt32] {
    (0..<256).map { index -> UInt32 in
      var crc = UInt32(index)
      for _ in 0..<8 {
        crc = crc & 1 == 1 ? (crc >> 1) ^ reflected : crc >> 1
      }
      return crc
    }
  }
}
